// Browser side of the page (emitted before relplan.js's runtime via --pre-js): window.relplan, files,
// drag-and-drop, clipboard, downloads, settings in localStorage, the working copy in IndexedDB and
// #plan= share links. The C++ side calls the Module.relplan* functions through EM_JS (platform_web.cpp).
(function () {
  'use strict';
  var firstFrame, startupDone;
  var firstFramePromise = new Promise(function (r) { firstFrame = r; });
  var startupPromise = new Promise(function (r) { startupDone = r; });

  // Strings go through the heap (not the stack): plans can be many megabytes.
  function withHeapString(text, fn) {
    var n = lengthBytesUTF8(text) + 1;
    var p = _malloc(n);
    stringToUTF8(text, p, n);
    try { return fn(p); } finally { _free(p); }
  }

  function showMessage(text) {
    var el = document.getElementById('message');
    if (el) { el.textContent = text; el.style.display = 'block'; }
    var loading = document.getElementById('loading');
    if (loading) loading.style.display = 'none';
  }

  Module.relplanFatal = showMessage;
  Module.onAbort = function (what) {
    showMessage('The planner stopped: ' + what + '. Reload the page; your last working copy is kept in this browser.');
  };
  Module.relplanFirstFrame = function () {
    var loading = document.getElementById('loading');
    if (loading) loading.style.display = 'none';
    firstFrame();
  };

  var api = {
    ready: Promise.all([firstFramePromise, startupPromise]).then(function () { return true; }),
    loadPlan: function (text) {
      return JSON.parse(withHeapString(String(text), function (p) { return UTF8ToString(_relplan_load_plan(p)); }));
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
    HEAPU8.set(bytes, p);
    try {
      withHeapString(name, function (np) { _relplan_open_file(purpose, np, p, bytes.length); });
    } finally { _free(p); }
  }
  function purposeFor(name) {
    if (/\.md$|\.markdown$|changelog/i.test(name)) return 1;
    if (/\.ics$/i.test(name)) return 2;
    return 0;
  }
  Module.relplanPickFile = function (purpose) {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = ['.json,application/json', '.md,.markdown,text/markdown', '.ics,text/calendar'][purpose] || '';
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

  // ---- clipboard --------------------------------------------------------------------------------
  Module.relplanCopy = function (text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(function () {});
    }
  };
  document.addEventListener('paste', function (e) {
    var text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    withHeapString(text, function (p) { _relplan_paste(p); });
  });

  // ---- settings and the working copy --------------------------------------------------------------
  Module.relplanLoadSetting = function (key) {
    try { return window.localStorage.getItem('relplan.' + key); } catch (e) { return null; }
  };
  Module.relplanStoreSetting = function (key, value) {
    try { window.localStorage.setItem('relplan.' + key, value); } catch (e) {}
  };
  Module.relplanPrefersDark = function () {
    return !!(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  };
  var dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        var req = indexedDB.open('relplan', 1);
        req.onupgradeneeded = function () { req.result.createObjectStore('working'); };
        req.onsuccess = function () { resolve(req.result); };
        req.onerror = function () { reject(req.error); };
      });
    }
    return dbPromise;
  }
  Module.relplanStoreWorkingCopy = function (json, unsaved) {
    db().then(function (d) {
      d.transaction('working', 'readwrite').objectStore('working')
        .put({ json: json, unsaved: unsaved, saved_at: Date.now() }, 'plan');
    }).catch(function () {});
  };
  function readWorkingCopy() {
    return db().then(function (d) {
      return new Promise(function (resolve) {
        var req = d.transaction('working', 'readonly').objectStore('working').get('plan');
        req.onsuccess = function () { resolve(req.result || null); };
        req.onerror = function () { resolve(null); };
      });
    }).catch(function () { return null; });
  }
  Module.relplanUnsaved = false;
  window.addEventListener('beforeunload', function (e) {
    if (Module.relplanUnsaved) { e.preventDefault(); e.returnValue = ''; }
  });

  // ---- share links: #plan= base64url(raw DEFLATE(UTF-8 JSON)); the fragment never reaches a server --
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
  api.makeShareLink = function (json) {
    return pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw')).then(function (buf) {
      return location.origin + location.pathname + '#plan=' + toBase64Url(new Uint8Array(buf));
    });
  };
  Module.relplanShareLink = function (json) {
    api.makeShareLink(json).then(function (link) { Module.relplanCopy(link); api.lastShareLink = link; });
  };
  function planFromFragment() {
    var m = /^#plan=([A-Za-z0-9_-]+)$/.exec(location.hash);
    if (!m) return null;
    return pipe(fromBase64Url(m[1]), new DecompressionStream('deflate-raw'))
      .then(function (buf) { return new TextDecoder().decode(buf); });
  }

  Module.relplanStarted = function () {
    installDrop();
    installWheel();
    var shared = null;
    try { shared = planFromFragment(); } catch (e) { shared = Promise.reject(e); }
    var work = shared
      ? shared.then(function (json) {
          var r = api.loadPlan(json);
          if (!r.ok) showShareError(r.errors.join('\n'));
        }, function (e) { showShareError(String(e)); })
      : readWorkingCopy().then(function (copy) {
          if (copy && typeof copy.json === 'string') {
            withHeapString(copy.json, function (p) { _relplan_restore_recovery(p, copy.unsaved ? 1 : 0); });
          }
        });
    work.then(startupDone, startupDone);
  };
  function showShareError(text) {
    withHeapString('The share link could not be opened (the open plan is unchanged)', function (t) {
      withHeapString(text, function (d) { _relplan_show_message(t, d); });
    });
  }
})();
