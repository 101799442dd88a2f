# Writes the page's sw.js from sw.js.in after each link: the cache version is a hash of the page's
# files, so every build that changes them gets a fresh cache (and the page offers a reload).
# usage: cmake -DPAGE_DIR=... -DTEMPLATE=.../sw.js.in -P service_worker.cmake
set(files index.html relplan.js relplan.wasm manifest.webmanifest icons/relplan-192.png icons/relplan-512.png)
set(joined "")
set(list "")
foreach(f IN LISTS files)
  file(SHA256 "${PAGE_DIR}/${f}" h)
  string(APPEND joined "${h}")
  list(APPEND list "'./${f}'")
endforeach()
string(SHA256 version "${joined}")
string(SUBSTRING "${version}" 0 16 RELPLAN_PAGE_VERSION)
list(JOIN list ", " RELPLAN_PAGE_FILES)
configure_file("${TEMPLATE}" "${PAGE_DIR}/sw.js" @ONLY)
