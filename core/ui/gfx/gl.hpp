// The one place that picks OpenGL headers: GL ES 3.0 (WebGL2) in the page, desktop GL 3.3 core
// natively (libGL exports the 3.3 entry points on Linux, so prototypes are enough; no loader).
// Also the GLSL version line our shaders are compiled with: shader files hold only the body.
#pragma once

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
namespace relplan::ui::gl {
inline constexpr const char* glsl_header = "#version 300 es\nprecision highp float;\nprecision highp int;\n";
}
#else
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
namespace relplan::ui::gl {
inline constexpr const char* glsl_header = "#version 330 core\n";
}
#endif
