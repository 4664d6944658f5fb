// gl_headers.h: the OpenGL API for our own GL code: WebGL2 (GLES 3) on the web,
// desktop GL 3.3 core natively (Mesa's libGL exports the core entry points).
#pragma once

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#endif
