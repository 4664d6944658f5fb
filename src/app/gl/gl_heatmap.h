// gl_heatmap.h: renders a weight matrix through shaders/heatmap.{vert,frag} into a
// texture that the heatmap view shows with ImGui::Image.
#pragma once

#include <vector>

#include "app/gl/gl_headers.h"
#include "ui/app_state.h"

namespace app {

class GlHeatmapRenderer : public ui::HeatmapRenderer {
 public:
  // glslVersion: "#version 300 es" on the web, "#version 330 core" natively.
  bool initialise(const char* glslVersion);
  ~GlHeatmapRenderer() override;
  void beginFrame() override { nextTarget_ = 0; }
  ImTextureID render(const core::Matrix& weights) override;

 private:
  // A texture a heatmap is drawn into, kept from frame to frame so an unchanged matrix is not
  // drawn again.
  struct Target {
    GLuint framebuffer = 0, colourTexture = 0;
    int width = 0, height = 0;
    core::Matrix drawn;  // what colourTexture shows
  };
  static constexpr size_t kMaxTargets = 8;  // heatmaps in one frame; more are drawn by the view itself
  void resize(Target& target, int width, int height);
  void draw(Target& target, const core::Matrix& weights);
  GLuint program_ = 0, vertexArray_ = 0, dataTexture_ = 0;
  GLint cellCountLocation_ = -1, gapLocation_ = -1, weightsLocation_ = -1;
  std::vector<Target> targets_;
  size_t nextTarget_ = 0;
};

}  // namespace app
