// gl_shader.cpp: see gl_shader.h.
#include "app/gl/gl_shader.h"

#include <cstdio>
#include <string>

namespace app {

namespace {

// Shaders here and programs in buildProgram report failure through parallel GL calls (...iv,
// ...InfoLog): alike in shape, but two kinds of object GL keeps apart.
GLuint compile(const char* what, GLenum type, const std::string& source) {
  const GLuint shader = glCreateShader(type);
  const char* text = source.c_str();
  glShaderSource(shader, 1, &text, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::fprintf(stderr, "%s shader failed to compile: %s\n", what, log);
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}

std::string withHeader(const char* glslVersion, const unsigned char* body) {
  std::string header = std::string(glslVersion) + "\n";
  if (std::string(glslVersion).find(" es") != std::string::npos)
    header += "precision highp float;\nprecision highp sampler2D;\n";
  return header + reinterpret_cast<const char*>(body);
}

}  // namespace

GLuint buildProgram(const char* what, const char* glslVersion, const unsigned char* vertexBody,
                    const unsigned char* fragmentBody, const char* const* attributes, int attributeCount) {
  const GLuint vs = compile(what, GL_VERTEX_SHADER, withHeader(glslVersion, vertexBody));
  const GLuint fs = compile(what, GL_FRAGMENT_SHADER, withHeader(glslVersion, fragmentBody));
  if (!vs || !fs) {
    if (vs) glDeleteShader(vs);
    if (fs) glDeleteShader(fs);
    return 0;
  }
  const GLuint program = glCreateProgram();
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  for (int k = 0; k < attributeCount; ++k) glBindAttribLocation(program, static_cast<GLuint>(k), attributes[k]);
  glLinkProgram(program);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetProgramInfoLog(program, sizeof log, nullptr, log);
    std::fprintf(stderr, "%s program failed to link: %s\n", what, log);
    glDeleteProgram(program);
    return 0;
  }
  return program;
}

}  // namespace app
