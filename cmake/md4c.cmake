# md4c 0.4.8, the CommonMark parser behind core/lib/notes/markdown. Like Dear ImGui it is built from
# Debian's source package (tools/install-deps.sh unpacks it into build/deps), so the native, WASM,
# sanitizer and fuzz builds all compile the same parser with their own flags.
set(RELPLAN_MD4C_DIR "${PROJECT_SOURCE_DIR}/build/deps/md4c-release-0.4.8" CACHE PATH
    "md4c source checkout (src/md4c.c); every target builds this source")
if(NOT EXISTS "${RELPLAN_MD4C_DIR}/src/md4c.c")
  message(FATAL_ERROR "md4c sources not found in ${RELPLAN_MD4C_DIR}: run 'make deps' "
                      "(fetches Debian's md4c source package) or set -DRELPLAN_MD4C_DIR=<checkout>")
endif()
# entity.c is md4c's table of HTML5's named character references, which the parser leaves to us.
add_library(relplan_md4c STATIC "${RELPLAN_MD4C_DIR}/src/md4c.c" "${RELPLAN_MD4C_DIR}/src/entity.c")
target_include_directories(relplan_md4c SYSTEM PUBLIC "${RELPLAN_MD4C_DIR}/src")
target_compile_definitions(relplan_md4c PUBLIC MD4C_USE_UTF8)
set_target_properties(relplan_md4c PROPERTIES C_STANDARD 99 POSITION_INDEPENDENT_CODE ON)
