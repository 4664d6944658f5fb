// gl_heatmap.h: renders a weight matrix through shaders/heatmap.{vert,frag} into a
// texture that the heatmap view shows with ImGui::Image.
#pragma once

#include "app/gl_headers.h"
#include "ui/app_state.h"

namespace app {

class GlHeatmapRenderer : public ui::HeatmapRenderer {
 public:
  // glslVersion: "#version 300 es" on the web, "#version 330 core" natively.
  bool initialise(const char* glslVersion);
  ~GlHeatmapRenderer() override;
  ImTextureID render(const core::Matrix& weights) override;

 private:
  void resizeTarget(int width, int height);
  GLuint program_ = 0, vertexArray_ = 0, dataTexture_ = 0, framebuffer_ = 0, colourTexture_ = 0;
  GLint cellCountLocation_ = -1, gapLocation_ = -1, weightsLocation_ = -1;
  int targetWidth_ = 0, targetHeight_ = 0;
  core::Matrix drawn_;  // what colourTexture_ currently shows
};

}  // namespace app
