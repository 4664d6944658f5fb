// gl_heatmap.cpp: shader program, weights texture and off-screen target of the heatmap.
#include "app/gl_heatmap.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "shader_heatmap_frag.h"
#include "shader_heatmap_vert.h"

namespace app {

namespace {

constexpr int kPixelsPerCell = 32;

GLuint compile(GLenum type, const std::string& source) {
  const GLuint shader = glCreateShader(type);
  const char* text = source.c_str();
  glShaderSource(shader, 1, &text, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::fprintf(stderr, "heatmap shader failed to compile: %s\n", log);
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}

// Our shader files carry no #version line: the platform's one is prepended here.
std::string withHeader(const char* glslVersion, const unsigned char* body) {
  std::string header = std::string(glslVersion) + "\n";
  if (std::string(glslVersion).find(" es") != std::string::npos)
    header += "precision highp float;\nprecision highp sampler2D;\n";
  return header + reinterpret_cast<const char*>(body);
}

}  // namespace

bool GlHeatmapRenderer::initialise(const char* glslVersion) {
  const GLuint vs = compile(GL_VERTEX_SHADER, withHeader(glslVersion, shader_heatmap_vert));
  const GLuint fs = compile(GL_FRAGMENT_SHADER, withHeader(glslVersion, shader_heatmap_frag));
  if (!vs || !fs) return false;
  program_ = glCreateProgram();
  glAttachShader(program_, vs);
  glAttachShader(program_, fs);
  glLinkProgram(program_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(program_, GL_LINK_STATUS, &ok);
  if (!ok) return false;
  cellCountLocation_ = glGetUniformLocation(program_, "cellCount");
  gapLocation_ = glGetUniformLocation(program_, "gapFraction");
  weightsLocation_ = glGetUniformLocation(program_, "weights");
  glGenVertexArrays(1, &vertexArray_);
  glGenTextures(1, &dataTexture_);
  return true;
}

GlHeatmapRenderer::~GlHeatmapRenderer() {
  if (!program_) return;
  glDeleteProgram(program_);
  glDeleteVertexArrays(1, &vertexArray_);
  glDeleteTextures(1, &dataTexture_);
  for (Target& target : targets_) {
    glDeleteTextures(1, &target.colourTexture);
    glDeleteFramebuffers(1, &target.framebuffer);
  }
}

void GlHeatmapRenderer::resize(Target& target, int width, int height) {
  if (width == target.width && height == target.height) return;
  glBindTexture(GL_TEXTURE_2D, target.colourTexture);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, target.colourTexture, 0);
  target.width = width;
  target.height = height;
}

void GlHeatmapRenderer::draw(Target& target, const core::Matrix& weights) {
  GLint previousFramebuffer = 0, previousTexture = 0, previousProgram = 0, previousVertexArray = 0;
  GLint viewport[4];
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previousFramebuffer);
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &previousTexture);
  glGetIntegerv(GL_CURRENT_PROGRAM, &previousProgram);
  glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &previousVertexArray);
  glGetIntegerv(GL_VIEWPORT, viewport);

  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, dataTexture_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, weights.cols, weights.rows, 0, GL_RED, GL_FLOAT, weights.values.data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  resize(target, weights.cols * kPixelsPerCell, weights.rows * kPixelsPerCell);
  glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer);
  glViewport(0, 0, target.width, target.height);
  glDisable(GL_BLEND);
  glDisable(GL_SCISSOR_TEST);
  glUseProgram(program_);
  glUniform1i(weightsLocation_, 0);
  glUniform2f(cellCountLocation_, static_cast<float>(weights.cols), static_cast<float>(weights.rows));
  glUniform1f(gapLocation_, 1.0f / kPixelsPerCell);
  glBindTexture(GL_TEXTURE_2D, dataTexture_);
  glBindVertexArray(vertexArray_);
  glDrawArrays(GL_TRIANGLES, 0, 3);

  glBindVertexArray(static_cast<GLuint>(previousVertexArray));
  glUseProgram(static_cast<GLuint>(previousProgram));
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previousTexture));
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previousFramebuffer));
  glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
  target.drawn = weights;
}

ImTextureID GlHeatmapRenderer::render(const core::Matrix& weights) {
  if (!program_ || weights.empty() || nextTarget_ >= kMaxTargets) return nullptr;
  if (nextTarget_ == targets_.size()) {
    Target target;
    glGenTextures(1, &target.colourTexture);
    glGenFramebuffers(1, &target.framebuffer);
    targets_.push_back(target);
  }
  Target& target = targets_[nextTarget_++];
  if (!(weights == target.drawn)) draw(target, weights);
  return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(target.colourTexture));
}

}  // namespace app
