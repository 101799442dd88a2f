# md4c 0.4.8, the CommonMark parser behind core/lib/notes/markdown. Like Dear ImGui it is built from
# Debian's source package (tools/install-deps.sh unpacks it into build/deps), so the native, WASM,
# sanitizer and fuzz builds all compile the same parser with their own flags.
set(RELPLAN_MD4C_DIR "${PROJECT_SOURCE_DIR}/build/deps/md4c-release-0.4.8" CACHE PATH
    "md4c source checkout (src/md4c.c); every target builds this source")
if(NOT EXISTS "${RELPLAN_MD4C_DIR}/src/md4c.c")
  message(FATAL_ERROR "md4c sources not found in ${RELPLAN_MD4C_DIR}: run 'make deps' "
                      "(fetches Debian's md4c source package) or set -DRELPLAN_MD4C_DIR=<checkout>")
endif()

# One fix on top of 0.4.8, applied to a copy in the build folder. md4c ends a list item that begins
# with two blank lines ("a list item can begin with at most one blank line") by looking at the last
# MD_BLOCK in its block buffer for an item opener; when the item already holds a block, those bytes are
# that block's last line, and a line whose start offset ends in the byte 4 (MD_BLOCK_LI) passed for an
# empty item: a paragraph after an item's heading left the list at one offset in 256. The fix
# remembers where the last item opener ends and asks for it too.
set(md4c_source "${CMAKE_BINARY_DIR}/md4c/md4c.c")
file(READ "${RELPLAN_MD4C_DIR}/src/md4c.c" md4c_text)
# Replaces `from` (which must be there) by `to` in md4c_text.
function(md4c_fix from to)
  string(FIND "${md4c_text}" "${from}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "md4c.c in ${RELPLAN_MD4C_DIR} is not the 0.4.8 source cmake/md4c.cmake fixes (no '${from}')")
  endif()
  string(REPLACE "${from}" "${to}" fixed "${md4c_text}")
  set(md4c_text "${fixed}" PARENT_SCOPE)
endfunction()
md4c_fix("    int last_list_item_starts_with_two_blank_lines;\n"
         "    int last_list_item_starts_with_two_blank_lines;\n    int li_opener_end;  /* n_block_bytes just after the last item opener */\n")
md4c_fix("    block->n_lines = start;\n"
         "    block->n_lines = start;\n    if(type == MD_BLOCK_LI  &&  (flags & MD_BLOCK_CONTAINER_OPENER))\n        ctx->li_opener_end = ctx->n_block_bytes;\n")
md4c_fix("if(top_block->type == MD_BLOCK_LI)\n"
         "if(top_block->type == MD_BLOCK_LI  &&  ctx->n_block_bytes == ctx->li_opener_end)\n")
# Written only when it changes, so a new configure does not rebuild the parser.
file(WRITE "${md4c_source}.new" "${md4c_text}")
file(COPY_FILE "${md4c_source}.new" "${md4c_source}" ONLY_IF_DIFFERENT)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${RELPLAN_MD4C_DIR}/src/md4c.c")

# entity.c is md4c's table of HTML5's named character references, which the parser leaves to us.
add_library(relplan_md4c STATIC "${md4c_source}" "${RELPLAN_MD4C_DIR}/src/entity.c")
target_include_directories(relplan_md4c SYSTEM PUBLIC "${RELPLAN_MD4C_DIR}/src")
target_compile_definitions(relplan_md4c PUBLIC MD4C_USE_UTF8)
set_target_properties(relplan_md4c PROPERTIES C_STANDARD 99 POSITION_INDEPENDENT_CODE ON)
