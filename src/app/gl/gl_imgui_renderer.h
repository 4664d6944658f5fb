// gl_imgui_renderer.h: draws Dear ImGui's draw data with WebGL2 on the web and GL 3.3 core
// natively. Unlike Dear ImGui's own OpenGL3 backend it does not read back and restore the
// GL state around each frame: nothing else draws in our context, and in the browser those
// reads (scissor box, blend state) are synchronous round trips to the GPU process, 1.3 ms of
// a 2.5 ms frame when measured in headless Chromium. Every draw sets the state it needs.
#pragma once

#include <imgui.h>

#include "app/gl/gl_headers.h"

namespace app {

class GlImGuiRenderer {
 public:
  // glslVersion: "#version 300 es" on the web, "#version 330 core" natively.
  bool initialise(const char* glslVersion);
  ~GlImGuiRenderer();
  // Uploads the font atlas ImGui has built (again after fonts are rebuilt for a new scale).
  void uploadFontAtlas();
  void render(const ImDrawData* drawData);

 private:
  void setState(const ImDrawData* drawData, int framebufferWidth, int framebufferHeight);
  GLuint program_ = 0, vertexArray_ = 0, vertexBuffer_ = 0, indexBuffer_ = 0, fontTexture_ = 0;
  GLint projectionLocation_ = -1, atlasLocation_ = -1;
};

}  // namespace app
