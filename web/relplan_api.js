// Browser side of the page (emitted before relplan.js's runtime via --pre-js): window.relplan, files,
// drag-and-drop, clipboard, downloads, text input (IME, dead keys), fallback fonts, browser history,
// settings in localStorage, the per-tab working copy in IndexedDB and #plan= share links. The C++ side
// calls the Module.relplan* functions through EM_JS (platform_web.cpp, main.cpp).
(function () {
  'use strict';
  var firstFrame, startupDone;
  var firstFramePromise = new Promise(function (r) { firstFrame = r; });
  var startupPromise = new Promise(function (r) { startupDone = r; });
  var PLAN_CAP = 64 * 1024 * 1024;  // bytes of plan JSON, as the core's readers (max_plan_bytes)
  var LINK_CAP = 32 * 1024;         // characters: longer links are not offered

  // Strings go through the heap (not the stack): plans can be many megabytes. The callee gets the
  // pointer and the UTF-8 length (without the terminating NUL).
  function withHeapString(text, fn) {
    var n = lengthBytesUTF8(text) + 1;
    var p = _malloc(n);
    if (!p) throw new Error('out of memory: ' + n + ' bytes of text do not fit');
    stringToUTF8(text, p, n);
    try { return fn(p, n - 1); } finally { _free(p); }
  }

  function showMessage(text) {
    var el = document.getElementById('message');
    if (el) { el.textContent = text; el.style.display = 'block'; }
    var loading = document.getElementById('loading');
    if (loading) loading.style.display = 'none';
  }
  // A message box inside the app (the page keeps running).
  function appMessage(title, detail) {
    withHeapString(title, function (t) { withHeapString(detail, function (d) { _relplan_show_message(t, d); }); });
  }

  Module.relplanFatal = showMessage;
  Module.onAbort = function (what) {
    showMessage('The planner stopped: ' + what + '. Reload the page; your last working copy is kept in this browser.');
  };
  Module.relplanFirstFrame = function () {
    api.firstFrameMs = performance.now();  // since navigation started (benchmarks read it)
    performance.mark('relplan:first-frame');
    var loading = document.getElementById('loading');
    if (loading) loading.style.display = 'none';
    // Focusing the text field lays out the page: after the first frame, which needs no typing.
    installTextInput();
    firstFrame();
  };

  // Lone UTF-16 surrogates cannot become UTF-8: name the first one instead of letting it turn into
  // U+FFFD on the way in.
  function loneSurrogate(text) {
    for (var i = 0; i < text.length; ++i) {
      var c = text.charCodeAt(i);
      if (c >= 0xD800 && c <= 0xDBFF) {
        var d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
        if (d >= 0xDC00 && d <= 0xDFFF) { ++i; continue; }
        return i;
      }
      if (c >= 0xDC00 && c <= 0xDFFF) return i;
    }
    return -1;
  }

  var api = {
    ready: Promise.all([firstFramePromise, startupPromise]).then(function () {
      api.readyMs = performance.now();
      performance.mark('relplan:ready');
      return true;
    }),
    // The text reaches the parser exactly (with its length, so a NUL is reported where it is).
    // `shared`: a share link (a version of the open plan is offered for merging); `params`: the
    // link's "&r=…&b=…" revision names.
    loadPlan: function (text, shared, params) {
      text = String(text);
      var bad = loneSurrogate(text);
      if (bad >= 0) {
        return { ok: false, notes: [], errors: ['plan.json: lone UTF-16 surrogate U+' +
          text.charCodeAt(bad).toString(16).toUpperCase() + ' at character ' + bad + ' (not valid Unicode text)'] };
      }
      try {
        return JSON.parse(withHeapString(text, function (p, n) {
          return withHeapString(params || '', function (q) { return UTF8ToString(_relplan_load_plan(p, n, shared ? 1 : 0, q)); });
        }));
      } catch (e) {
        return { ok: false, notes: [], errors: [String(e && e.message || e)] };
      }
    },
    exportPlan: function () { return UTF8ToString(_relplan_export_plan()); },
    hasUnsavedChanges: function () { return _relplan_has_unsaved() !== 0; },
    // For end-to-end tests: named widget rectangles in page CSS pixels (ready for mouse events) and
    // facts about the app, both as of the last drawn frame.
    testHooks: {
      anchors: function () {
        var raw = JSON.parse(UTF8ToString(_relplan_test_hooks(0)));
        var box = Module.canvas.getBoundingClientRect();
        // The backing store is CSS size x devicePixelRatio (rounded); its actual ratio is exact.
        var dpr = box.width > 0 ? Module.canvas.width / box.width : (window.devicePixelRatio || 1);
        var out = {};
        Object.keys(raw).forEach(function (k) {
          var r = raw[k];
          out[k] = { x: box.left + r.x / dpr, y: box.top + r.y / dpr, w: r.w / dpr, h: r.h / dpr };
        });
        return out;
      },
      facts: function () { return JSON.parse(UTF8ToString(_relplan_test_hooks(1))); },
    },
  };
  window.relplan = api;

  // ---- files ------------------------------------------------------------------------------------
  function openBytes(purpose, name, buffer) {
    var bytes = new Uint8Array(buffer);
    var p = _malloc(bytes.length + 1);
    if (!p) { appMessage('Could not open ' + name, 'The file is too large for the memory this page can have.'); return; }
    HEAPU8.set(bytes, p);
    try {
      withHeapString(name, function (np) { _relplan_open_file(purpose, np, p, bytes.length); });
    } finally { _free(p); }
  }
  function purposeFor(name) {
    if (/\.md$|\.markdown$|changelog/i.test(name)) return 1;
    if (/\.ics$/i.test(name)) return 2;
    if (/(^|\/)package(-lock)?\.json$/i.test(name)) return 3;  // npm's files: consumers of our package
    return 0;
  }
  Module.relplanPickFile = function (purpose) {
    var input = document.createElement('input');
    input.type = 'file';
    // Indexed by platform::OpenPurpose: plan, changelog, ICS, consumers, dependency support cycles,
    // a plan to compare with.
    input.accept = ['.json,application/json', '.md,.markdown,text/markdown', '.ics,text/calendar',
                    '.json,application/json', '.json,application/json', '.json,application/json'][purpose] || '';
    input.addEventListener('change', function () {
      var f = input.files && input.files[0];
      if (f) f.arrayBuffer().then(function (b) { openBytes(purpose, f.name, b); });
    });
    input.click();
  };
  Module.relplanDownload = function (name, bytes) {
    var type = /\.json$/.test(name) ? 'application/json' : /\.ics$/.test(name) ? 'text/calendar' :
               /\.html?$/.test(name) ? 'text/html' : 'text/plain';
    var url = URL.createObjectURL(new Blob([bytes], { type: type }));
    var a = document.createElement('a');
    a.href = url; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  };
  // Installed as an app (web app manifest "file_handlers"): plan files opened from the system's file
  // manager arrive through the launch queue, like a drop.
  function installFileHandling() {
    if (!('launchQueue' in window)) return;
    window.launchQueue.setConsumer(function (params) {
      (params.files || []).forEach(function (handle) {
        handle.getFile().then(function (f) {
          return f.arrayBuffer().then(function (b) { openBytes(purposeFor(f.name), f.name, b); });
        });
      });
    });
  }
  function installDrop() {
    window.addEventListener('dragover', function (e) { e.preventDefault(); });
    window.addEventListener('drop', function (e) {
      e.preventDefault();
      var f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
      if (f) f.arrayBuffer().then(function (b) { openBytes(purposeFor(f.name), f.name, b); });
    });
  }

  // ---- wheel: one notch (100 px, 3 lines or 1 page) is one ImGui wheel step; up/left are positive --
  function installWheel() {
    Module.canvas.addEventListener('wheel', function (e) {
      e.preventDefault();
      var scale = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 1 : 1 / 100;
      var clamp = function (v) { return Math.max(-5, Math.min(5, v)); };
      _relplan_wheel(clamp(-e.deltaX * scale), clamp(-e.deltaY * scale));
    }, { passive: false });
  }

  // ---- text input: a hidden text field keeps the keyboard focus, so the browser's IME and dead keys
  // work; what it commits goes to ImGui (keys like Enter, Backspace and arrows still reach GLFW). ----
  var textField = null;
  function installTextInput() {
    var ta = document.createElement('textarea');
    ta.id = 'relplan-text-input';
    ta.setAttribute('aria-label', 'Text input');
    ta.setAttribute('autocomplete', 'off');
    ta.setAttribute('autocapitalize', 'off');
    ta.setAttribute('spellcheck', 'false');
    ta.style.cssText = 'position:fixed;left:0;top:0;width:2px;height:1.2em;opacity:0;border:0;padding:0;' +
                       'margin:0;resize:none;overflow:hidden;pointer-events:none;font-size:16px;';
    document.body.appendChild(ta);
    var composing = false;
    var send = function (text) {
      text = text.replace(/[\r\n]/g, '');  // Enter reaches ImGui as a key
      if (text) withHeapString(text, function (p) { _relplan_text_input(p); });
    };
    ta.addEventListener('compositionstart', function () { composing = true; });
    ta.addEventListener('compositionend', function (e) {
      composing = false;
      send(e.data || '');
      ta.value = '';
    });
    ta.addEventListener('input', function (e) {
      if (composing || e.isComposing || e.inputType === 'insertCompositionText') return;
      // Pastes arrive through the clipboard (Ctrl+V in ImGui), drops through the drop handler.
      if (e.inputType !== 'insertFromPaste' && e.inputType !== 'insertFromDrop') send(ta.value);
      ta.value = '';
    });
    var refocus = function () { setTimeout(function () { ta.focus({ preventScroll: true }); }, 0); };
    Module.canvas.addEventListener('pointerup', refocus);
    Module.canvas.addEventListener('focus', refocus);
    window.addEventListener('focus', refocus);
    ta.focus({ preventScroll: true });
    textField = ta;
  }
  // ImGui's text cursor in CSS pixels: the IME's candidate window opens there.
  Module.relplanTextCursor = function (x, y) {
    if (!textField) return;
    textField.style.left = Math.max(0, x) + 'px';
    textField.style.top = Math.max(0, y) + 'px';
  };

  // ---- fallback fonts: glyphs the embedded font lacks, fetched from the page's own folder on the
  // first text that needs them (fonts/ beside index.html) ----------------------------------------
  var fontFiles = {};
  function fontFileFor(cp) {
    var symbol = (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x1D400 && cp <= 0x1D7FF) ||
                 (cp >= 0x1F000 && cp <= 0x1FAFF);
    return symbol ? 'fonts/fallback-symbols.ttf' : 'fonts/fallback.ttf';
  }
  function fetchFont(url) {
    if (!fontFiles[url]) {
      fontFiles[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ' is missing beside the page (HTTP ' + r.status + ')');
        return r.arrayBuffer();
      });
    }
    return fontFiles[url];
  }
  Module.relplanRequestFonts = function (id, codePoints) {
    var urls = [];
    codePoints.forEach(function (cp) { var u = fontFileFor(cp); if (urls.indexOf(u) < 0) urls.push(u); });
    Promise.all(urls.map(function (url) {
      return fetchFont(url).then(function (buffer) {
        var bytes = new Uint8Array(buffer);
        var p = _malloc(bytes.length);
        if (!p) throw new Error('no memory for ' + url);
        HEAPU8.set(bytes, p);
        try { withHeapString(url, function (np) { _relplan_font_arrived(id, np, p, bytes.length); }); }
        finally { _free(p); }
      }).catch(function (e) {
        withHeapString(String(e && e.message || e), function (m) { _relplan_font_failed(id, m); });
      });
    })).then(function () { _relplan_fonts_done(id); });
  };

  // ---- browser history: one entry per view switch; Back never leaves the page with unsaved work --
  var currentView = null;
  Module.relplanViewChanged = function (name) {
    var previous = currentView;
    currentView = name;
    if (previous === null) {
      // The entry the page was opened with becomes the "leave" entry; the first view goes on top.
      history.replaceState({ relplan: 'base', view: name }, '');
      history.pushState({ relplan: 'view', view: name }, '');
      return;
    }
    if (history.state && history.state.relplan === 'view' && history.state.view === name) return;  // Back/Forward
    history.pushState({ relplan: 'view', view: name }, '');
  };
  window.addEventListener('popstate', function (e) {
    var st = e.state;
    if (!st || !st.relplan) return;
    if (st.relplan === 'base') {
      if (_relplan_has_unsaved()) {
        history.pushState({ relplan: 'view', view: currentView }, '');
        appMessage('This plan has unsaved changes',
          'Save or download it (Ctrl+S) before leaving the page; then Back leaves.');
        return;
      }
      history.back();
      return;
    }
    currentView = st.view;
    withHeapString(st.view, function (p) { _relplan_show_view(p); });
  });

  // ---- clipboard --------------------------------------------------------------------------------
  Module.relplanCopy = function (text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(function () {});
    }
  };
  document.addEventListener('paste', function (e) {
    var text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    withHeapString(text, function (p, n) { _relplan_paste(p, n); });  // with its length: NULs stay
  });

  // ---- settings ---------------------------------------------------------------------------------
  Module.relplanLoadSetting = function (key) {
    try { return window.localStorage.getItem('relplan.' + key); } catch (e) { return null; }
  };
  Module.relplanStoreSetting = function (key, value) {  // false: storage full, blocked or off
    try { window.localStorage.setItem('relplan.' + key, value); return true; } catch (e) { return false; }
  };
  Module.relplanPrefersDark = function () {
    return !!(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  };

  // ---- the working copy: one per browser tab ----------------------------------------------------
  // A tab's id lives in sessionStorage (kept across reloads of that tab, new for a new tab); its copy
  // is the IndexedDB record "tab:<id>". While the tab is open it holds the Web Lock "relplan-tab:<id>",
  // so a copy whose lock nobody holds was left by a closed tab: the next tab that opens without a copy
  // of its own restores the newest such copy and takes it over. A tab also holds "relplan-plan:<name>"
  // for the plan it has open; a second tab opening the same plan is offered a copy or a read-only view.
  var tabId = (function () {
    try {
      var id = sessionStorage.getItem('relplan.tab');
      if (!id) {
        id = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
        sessionStorage.setItem('relplan.tab', id);
      }
      return id;
    } catch (e) { return 'solo'; }
  })();
  var tabKey = 'tab:' + tabId;
  var locks = navigator.locks;
  function holdLock(name) {
    if (!locks) return function () {};
    var release;
    var held = new Promise(function (r) { release = r; });
    locks.request(name, function () { return held; }).catch(function () {});
    return release;
  }
  holdLock('relplan-tab:' + tabId);

  var dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        var req = indexedDB.open('relplan', 2);
        req.onupgradeneeded = function () {
          var names = req.result.objectStoreNames;
          if (!names.contains('working')) req.result.createObjectStore('working');
          if (!names.contains('snapshots')) req.result.createObjectStore('snapshots');  // version 2
        };
        // A newer page in another tab upgrading the database: let it, and reopen on next use.
        req.onsuccess = function () {
          req.result.onversionchange = function () { req.result.close(); dbPromise = null; };
          resolve(req.result);
        };
        req.onerror = function () { reject(req.error); };
      });
    }
    return dbPromise;
  }
  // Opening the database takes hundreds of milliseconds in a fresh profile: start it now, while the
  // WebAssembly module compiles, rather than when the working copy is first read.
  db().catch(function () {});
  function dbRequest(mode, fn, store) {
    return db().then(function (d) {
      return new Promise(function (resolve) {
        var req = fn(d.transaction(store || 'working', mode).objectStore(store || 'working'));
        req.onsuccess = function () { resolve(req.result); };
        req.onerror = function () { resolve(null); };
      });
    }).catch(function () { return null; });
  }

  // The plan a working copy holds, by project name (enough to tell two tabs they hold the same plan).
  function planName(json) {
    var m = /"project"\s*:\s*\{[\s\S]{0,4000}?"name"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(json.slice(0, 8192));
    return m ? m[1] : '';
  }
  var planLock = { name: '', release: function () {} };
  function notePlanOpen(json) {
    var name = planName(json);
    if (!locks || name === planLock.name) return;
    planLock.release();
    planLock = { name: name, release: function () {} };
    if (!name) return;
    var lockName = 'relplan-plan:' + name;
    locks.request(lockName, { ifAvailable: true }, function (lock) {
      if (!lock) {  // the app offers to edit a copy or to view the plan read-only
        withHeapString(JSON.parse('"' + name + '"'), function (p) { _relplan_offer_second_tab(p); });
        return null;
      }
      var release;
      var held = new Promise(function (r) { release = r; });
      if (planLock.name === name) planLock.release = release; else release();
      return held;
    }).catch(function () {});
  }

  // Settles once every working-copy write asked for so far has finished (window.relplan.workingCopyWritten:
  // tests wait on it before a reload instead of sleeping).
  var writes = Promise.resolve();
  // The app hears (relplan_working_copy_stored) once the write is committed, or why it was refused:
  // a full or blocked storage is shown to the user, who can still save the plan as a file.
  Module.relplanStoreWorkingCopy = function (json, unsaved, id) {
    notePlanOpen(json);
    var written = db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var tx = d.transaction('working', 'readwrite');
        tx.objectStore('working').put({ json: json, unsaved: unsaved, saved_at: Date.now(), tab: tabId }, tabKey);
        tx.oncomplete = function () { resolve(); };
        tx.onabort = tx.onerror = function () { reject(tx.error || new Error('the browser refused the write')); };
      });
    });
    var answer = function (problem) {
      if (problem === null) { _relplan_working_copy_stored(id, 0); return; }
      withHeapString(problem, function (p) { _relplan_working_copy_stored(id, p); });
    };
    writes = Promise.all([writes, written.then(function () { answer(null); }, function (e) {
      answer('the browser did not keep the working copy (' + String((e && (e.name || e.message)) || e) + ')');
    })]);
  };
  api.workingCopyWritten = function () { return writes.then(function () { return true; }); };
  // This tab's copy, or else the newest copy no open tab holds (taken over: moved to this tab).
  // The three reads go out together: each answer waits for the main thread, busy with the first frames.
  function readWorkingCopy() {
    var others = Promise.all([
      dbRequest('readonly', function (s) { return s.getAllKeys(); }),
      locks ? locks.query().catch(function () { return { held: [] }; }) : Promise.resolve({ held: [] }),
    ]);
    return dbRequest('readonly', function (s) { return s.get(tabKey); }).then(function (own) {
      if (own) return own;
      return others.then(function (r) {
        var held = {};
        (r[1].held || []).forEach(function (l) { held[l.name] = true; });
        var orphans = (r[0] || []).filter(function (k) {
          return k === 'plan' || (String(k).indexOf('tab:') === 0 && !held['relplan-tab:' + String(k).slice(4)]);
        });
        return Promise.all(orphans.map(function (k) {
          return dbRequest('readonly', function (s) { return s.get(k); }).then(function (v) { return { key: k, value: v }; });
        })).then(function (copies) {
          var best = null;
          copies.forEach(function (c) {
            if (c.value && typeof c.value.json === 'string' && (!best || (c.value.saved_at || 0) > (best.value.saved_at || 0))) best = c;
          });
          if (!best) return null;
          return dbRequest('readwrite', function (s) { return s.put(best.value, tabKey); })
            .then(function () { return dbRequest('readwrite', function (s) { return s.delete(best.key); }); })
            .then(function () { return best.value; });
        });
      });
    });
  }
  function restoreWorkingCopy() {
    return readWorkingCopy().then(function (copy) {
      if (copy && typeof copy.json === 'string') {
        withHeapString(copy.json, function (p) { _relplan_restore_recovery(p, copy.unsaved ? 1 : 0); });
      }
    });
  }
  // ---- versions shared or opened from links (platform::store_snapshot): the bases of three-way
  // merges, shared by the tabs; at most SNAPSHOT_CAP, the oldest stored goes first. -----------------
  var SNAPSHOT_CAP = 16;  // platform::max_snapshots
  Module.relplanStoreSnapshot = function (revision, json) {
    dbRequest('readonly', function (s) { return s.getKey(revision); }, 'snapshots').then(function (kept) {
      if (kept !== null && kept !== undefined) return null;
      var value = { revision: revision, json: json, stored_at: Date.now() };
      return dbRequest('readwrite', function (s) { return s.put(value, revision); }, 'snapshots');
    }).then(function () {
      return dbRequest('readonly', function (s) { return s.getAll(); }, 'snapshots');
    }).then(function (values) {
      if (!values || values.length <= SNAPSHOT_CAP) return;
      values.sort(function (a, b) { return (a.stored_at || 0) - (b.stored_at || 0); });
      values.slice(0, values.length - SNAPSHOT_CAP).forEach(function (v) {
        dbRequest('readwrite', function (s) { return s.delete(v.revision); }, 'snapshots');
      });
    });
  };
  Module.relplanFindSnapshot = function (id, revisions) {
    var answer = function (revision, json) {
      if (revision === null) { _relplan_snapshot_found(id, 0, 0, 0); return; }
      withHeapString(revision, function (r) { withHeapString(json, function (j, n) { _relplan_snapshot_found(id, r, j, n); }); });
    };
    (function next(i) {
      if (i >= revisions.length) { answer(null); return; }
      if (!revisions[i]) { next(i + 1); return; }
      dbRequest('readonly', function (s) { return s.get(revisions[i]); }, 'snapshots').then(function (v) {
        if (v && typeof v.json === 'string') answer(revisions[i], v.json); else next(i + 1);
      });
    })(0);
  };

  Module.relplanUnsaved = false;
  window.addEventListener('beforeunload', function (e) {
    if (Module.relplanUnsaved) { e.preventDefault(); e.returnValue = ''; }
  });

  // ---- share links, two forms; the page offers the shorter (the fragment never reaches a server):
  //   #pd1=<base64url(DEFLATE of the minified JSON against share dictionary 1)>  (plan/share_link.hpp)
  //   #plan=<base64url(raw DEFLATE(minified UTF-8 JSON))>  (any inflater; the older form)
  // either followed by "&r=<revision>&b=<base>" (the versions the link speaks of; older links lack them).
  // Links over LINK_CAP characters are not offered; inflating stops at the plan cap. --------------
  function toBase64Url(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function fromBase64Url(text) {
    var s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    var out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; ++i) out[i] = s.charCodeAt(i);
    return out;
  }
  function pipe(bytes, stream) {
    return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer();
  }
  // Inflates with a byte counter and cancels the stream as soon as the output passes `cap`.
  function inflateCapped(bytes, cap) {
    var reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    var chunks = [], total = 0;
    function step() {
      return reader.read().then(function (r) {
        if (r.done) {
          var out = new Uint8Array(total), at = 0;
          chunks.forEach(function (c) { out.set(c, at); at += c.length; });
          return out;
        }
        total += r.value.length;
        if (total > cap) {
          reader.cancel().catch(function () {});
          throw new Error('the plan in the link is larger than ' + (cap >> 20) + ' MiB, the most a plan may be');
        }
        chunks.push(r.value);
        return step();
      });
    }
    return step();
  }
  function returnedBytes() { return HEAPU8.slice(_relplan_returned(), _relplan_returned() + _relplan_returned_size()); }
  function returnedText() { return UTF8ToString(_relplan_returned(), _relplan_returned_size()); }
  api.makeShareLink = function (json) {
    var compact;
    try { compact = JSON.stringify(JSON.parse(json)); } catch (e) { return Promise.reject(new Error('the plan is not valid JSON: ' + e.message)); }
    var base = location.origin + location.pathname;
    var withDictionary = withHeapString(json, function (p, n) { return _relplan_share_payload(p, n); })
      ? base + '#pd1=' + toBase64Url(returnedBytes()) : null;
    return pipe(new TextEncoder().encode(compact), new CompressionStream('deflate-raw')).then(function (buf) {
      var plain = base + '#plan=' + toBase64Url(new Uint8Array(buf));
      var link = withDictionary && withDictionary.length < plain.length ? withDictionary : plain;
      if (link.length > LINK_CAP) {
        throw new Error('the link would be ' + link.length + ' characters, more than chat, mail and browsers take (' +
                        LINK_CAP + '); share the plan file instead (File > Download)');
      }
      return link;
    });
  };
  // The link of the plan open now.
  api.shareLink = function () { return api.makeShareLink(api.exportPlan()); };
  Module.relplanShareLink = function (json, params) {
    api.makeShareLink(json).then(function (link) { link += params || ''; Module.relplanCopy(link); api.lastShareLink = link; },
      function (e) { appMessage('No share link for this plan', String(e && e.message || e)); });
  };
  // The fragment's "&…" members (revision names), for relplan_load_plan.
  function fragmentParams(fragment) { var i = fragment.indexOf('&'); return i < 0 ? '' : fragment.slice(i); }
  function planFromFragment(fragment) {
    var m = /^#(plan|pd1)=([A-Za-z0-9_-]*)(&[A-Za-z0-9_=&-]*)?$/.exec(fragment);
    if (!m) return Promise.reject(new Error('the link is damaged: #plan= must be followed by base64url text'));
    // Deflate shrinks at most about 1000:1, so a fragment this long cannot hold a plan within the cap
    // that anyone shares as a link; refuse before decoding megabytes.
    if (m[2].length > 4 * PLAN_CAP / 3) return Promise.reject(new Error('the link is too long to be a share link'));
    var bytes;
    try { bytes = fromBase64Url(m[2]); } catch (e) { return Promise.reject(new Error('the link is damaged (not base64url)')); }
    if (m[1] === 'pd1') {
      var p = _malloc(bytes.length + 1);
      if (!p) return Promise.reject(new Error('the link is too large for the memory this page can have'));
      HEAPU8.set(bytes, p);
      var ok;
      try { ok = _relplan_read_share_payload(p, bytes.length); } finally { _free(p); }
      if (!ok) {
        var why = returnedText();
        return Promise.reject(new Error(/larger than allowed/.test(why)
          ? 'the plan in the link is larger than ' + (PLAN_CAP >> 20) + ' MiB, the most a plan may be'
          : 'the link is damaged or cut short (' + why + ')'));
      }
      try { return Promise.resolve(new TextDecoder('utf-8', { fatal: true }).decode(returnedBytes())); }
      catch (e) { return Promise.reject(new Error('the plan in the link is not valid UTF-8 text')); }
    }
    return inflateCapped(bytes, PLAN_CAP).then(function (out) {
      return new TextDecoder('utf-8', { fatal: true }).decode(out);
    }, function (e) {
      throw /larger than/.test(e.message) ? e : new Error('the link is damaged or cut short (' + e.message + ')');
    }).catch(function (e) {
      if (e instanceof TypeError) throw new Error('the plan in the link is not valid UTF-8 text');
      throw e;
    });
  }

  Module.relplanStarted = function () {
    installDrop();
    installFileHandling();
    installWheel();
    var fragment = /^#(plan|pd1)=/.test(location.hash) ? location.hash : null;
    // The fragment has done its job once read: a reload shows this tab's working copy, not the link.
    if (fragment) history.replaceState(null, '', location.pathname + location.search);
    var work;
    if (fragment) {
      // A failed link replaces nothing: the tab opens as it would without it, then says why.
      // Loaded as a share link: the version is remembered as a base for later merges.
      work = planFromFragment(fragment).then(function (json) {
        var r = api.loadPlan(json, true, fragmentParams(fragment));
        if (r.ok) return;
        return restoreWorkingCopy().then(function () { showShareError(r.errors.join('\n')); });
      }, function (e) {
        return restoreWorkingCopy().then(function () { showShareError(String(e && e.message || e)); });
      });
    } else {
      work = restoreWorkingCopy();
    }
    work.then(startupDone, startupDone);
  };
  // A share link pasted into the address bar of a running page: a version of the open plan asks
  // whether to merge, compare or replace (App::open_shared_plan); anything else opens as at start.
  window.addEventListener('hashchange', function () {
    if (!/^#(plan|pd1)=/.test(location.hash)) return;
    var fragment = location.hash;
    history.replaceState(null, '', location.pathname + location.search);
    planFromFragment(fragment).then(function (json) {
      var r = api.loadPlan(json, true, fragmentParams(fragment));
      if (!r.ok) showShareError(r.errors.join('\n'));
    }, function (e) { showShareError(String(e && e.message || e)); });
  });
  function showShareError(text) {
    appMessage('The share link could not be opened (nothing was replaced)', text);
  }
})();
