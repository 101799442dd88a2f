# Fonts. The UI font embedded in both apps is subset at build time to the ranges the UI draws from it
# (core/ui/app/glyphs.cpp, base_glyph_ranges: Latin, Greek, Cyrillic, punctuation, currency, arrows,
# maths, box drawing, symbols) with fontTools' subsetter (Debian python3-fonttools): the page loads a
# third less. Other scripts and emoji come from fallback fonts at run time (fontconfig on the desktop;
# in the page, RELPLAN_FALLBACK_FONTS copied beside index.html and fetched when text needs them).
#   relplan_subset_font(OUT_VAR)  sets OUT_VAR to the font file to embed
set(RELPLAN_FONT_UNICODES
    "U+0020-024F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+2300-23FF,U+2500-25FF,U+2600-26FF,U+2700-27BF,U+FFFD")
set(RELPLAN_FALLBACK_FONTS
    "fallback.ttf=/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
    "fallback-symbols.ttf=/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"
    CACHE STRING "Fallback fonts served beside the page: name=path (Debian fonts-droid-fallback, fonts-symbola)")

function(relplan_subset_font out_var)
  set(python "")
  foreach(candidate /usr/bin/python3 python3)
    execute_process(COMMAND ${candidate} -c "import fontTools.subset" RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
    if(rc EQUAL 0)
      set(python ${candidate})
      break()
    endif()
  endforeach()
  if(NOT python)
    message(WARNING "python3-fonttools is missing ('make deps' installs it): embedding the whole font, "
                    "which makes the page about 250 KB heavier")
    set(${out_var} "${RELPLAN_FONT_FILE}" PARENT_SCOPE)
    return()
  endif()
  set(out "${CMAKE_BINARY_DIR}/fonts/ui-font.ttf")
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/fonts"
    COMMAND ${python} -m fontTools.subset "${RELPLAN_FONT_FILE}" "--unicodes=${RELPLAN_FONT_UNICODES}"
            "--output-file=${out}" --no-hinting --desubroutinize --layout-features= --drop-tables+=FFTM
    DEPENDS "${RELPLAN_FONT_FILE}" "${CMAKE_CURRENT_FUNCTION_LIST_FILE}"
    COMMENT "Subsetting the UI font" VERBATIM)
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()
