# Third-party code, all from Debian 12 packages. Under Emscripten the system include dir must not be
# on the path (it would shadow emscripten's libc), so the header-only libraries are exposed through a
# build-tree folder that holds only links to them.
set(RELPLAN_THIRD_PARTY_INCLUDE "${CMAKE_BINARY_DIR}/third_party/include")
file(MAKE_DIRECTORY "${RELPLAN_THIRD_PARTY_INCLUDE}")
foreach(dir nlohmann fmt catch2)
  if(NOT EXISTS "/usr/include/${dir}")
    message(FATAL_ERROR "/usr/include/${dir} is missing: run 'make deps' (Debian packages nlohmann-json3-dev, libfmt-dev, catch2)")
  endif()
  if(NOT EXISTS "${RELPLAN_THIRD_PARTY_INCLUDE}/${dir}")
    file(CREATE_LINK "/usr/include/${dir}" "${RELPLAN_THIRD_PARTY_INCLUDE}/${dir}" SYMBOLIC)
  endif()
endforeach()

add_library(relplan_third_party INTERFACE)
target_include_directories(relplan_third_party SYSTEM INTERFACE "${RELPLAN_THIRD_PARTY_INCLUDE}")
if(EMSCRIPTEN)
  target_compile_definitions(relplan_third_party INTERFACE FMT_HEADER_ONLY)
else()
  find_package(fmt REQUIRED)
  target_link_libraries(relplan_third_party INTERFACE fmt::fmt)
endif()

if(EMSCRIPTEN)
  # Catch2 needs exceptions; the core never throws, so enabling them everywhere only costs size.
  # The page keeps them off (see web/CMakeLists.txt); tests turn them on per target.
  set(CMAKE_CROSSCOMPILING_EMULATOR "node;--no-experimental-fetch")
endif()
