# Dear ImGui 1.86 built from RELPLAN_IMGUI_DIR (Debian's source package) with our imconfig, for both
# targets: the same sources natively (GLFW + GL 3.3) and in the page (-sUSE_GLFW=3 + WebGL2).
if(NOT EXISTS "${RELPLAN_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${RELPLAN_IMGUI_DIR}: run 'make deps' "
                      "(fetches Debian's imgui source package) or set -DRELPLAN_IMGUI_DIR=<checkout>")
endif()
add_library(relplan_imgui STATIC
  "${RELPLAN_IMGUI_DIR}/imgui.cpp"
  "${RELPLAN_IMGUI_DIR}/imgui_draw.cpp"
  "${RELPLAN_IMGUI_DIR}/imgui_tables.cpp"
  "${RELPLAN_IMGUI_DIR}/imgui_widgets.cpp"
  "${RELPLAN_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp"
  "${RELPLAN_IMGUI_DIR}/backends/imgui_impl_glfw.cpp"
  "${RELPLAN_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(relplan_imgui SYSTEM PUBLIC
  "${RELPLAN_IMGUI_DIR}" "${RELPLAN_IMGUI_DIR}/backends" "${RELPLAN_IMGUI_DIR}/misc/cpp"
  "${PROJECT_SOURCE_DIR}/core/ui/imconfig")
target_compile_definitions(relplan_imgui PUBLIC IMGUI_USER_CONFIG="relplan_imconfig.h")
if(EMSCRIPTEN)
  target_compile_definitions(relplan_imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
  target_link_options(relplan_imgui PUBLIC -sUSE_GLFW=3 -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2)
else()
  find_package(glfw3 REQUIRED)
  find_package(OpenGL REQUIRED)
  target_link_libraries(relplan_imgui PUBLIC glfw OpenGL::GL ${CMAKE_DL_LIBS})
endif()
