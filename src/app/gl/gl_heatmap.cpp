// gl_heatmap.cpp: shader program, weights texture and off-screen target of the heatmap.
#include "app/gl/gl_heatmap.h"

#include <algorithm>

#include "app/gl/gl_shader.h"
#include "shader_heatmap_frag.h"
#include "shader_heatmap_vert.h"
#include "ui/kit/colormap.h"

namespace app {

namespace {

constexpr int kPixelsPerCell = 32;

}  // namespace

bool GlHeatmapRenderer::initialise(const char* glslVersion) {
  program_ = buildProgram("heatmap", glslVersion, shader_heatmap_vert, shader_heatmap_frag);
  if (!program_) return false;
  cellCountLocation_ = glGetUniformLocation(program_, "cellCount");
  gapLocation_ = glGetUniformLocation(program_, "gapFraction");
  weightsLocation_ = glGetUniformLocation(program_, "weights");
  glUseProgram(program_);  // the colormap's anchors, set once: ui/kit/colormap.h holds them
  glUniform3fv(glGetUniformLocation(program_, "anchors"), ui::kColormapAnchorCount, &ui::kColormapAnchors[0][0]);
  glUseProgram(0);
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
  // Nothing is saved and restored around this: it runs while the views are built, and the
  // frame's own drawing (GlImGuiRenderer) binds its target and sets all the state it needs.
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

  glBindVertexArray(0);
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
