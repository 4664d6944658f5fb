// gl_shader.h: compiling and linking our embedded shaders. The shader files carry no #version
// line; the platform's one ("#version 300 es" on the web, "#version 330 core" natively) is
// put in front here, with default precisions on ES.
#pragma once

#include "app/gl/gl_headers.h"

namespace app {

// A linked program, or 0 after printing the compiler's log to stderr with `what` in front.
// Attributes named in `attributes` are bound to locations 0, 1, 2... in that order.
GLuint buildProgram(const char* what, const char* glslVersion, const unsigned char* vertexBody,
                    const unsigned char* fragmentBody, const char* const* attributes = nullptr, int attributeCount = 0);

}  // namespace app
