// gl_imgui_renderer.cpp: see gl_imgui_renderer.h.
#include "app/gl/gl_imgui_renderer.h"

#include <cstddef>
#include <cstdint>

#include "app/gl/gl_shader.h"
#include "shader_imgui_frag.h"
#include "shader_imgui_vert.h"

namespace app {

namespace {

GLuint textureName(ImTextureID id) { return static_cast<GLuint>(reinterpret_cast<intptr_t>(id)); }

}  // namespace

bool GlImGuiRenderer::initialise(const char* glslVersion) {
  static const char* const attributes[] = {"position", "uv", "colour"};
  program_ = buildProgram("ImGui", glslVersion, shader_imgui_vert, shader_imgui_frag, attributes, 3);
  if (!program_) return false;
  projectionLocation_ = glGetUniformLocation(program_, "projection");
  atlasLocation_ = glGetUniformLocation(program_, "atlas");
  glGenVertexArrays(1, &vertexArray_);
  glGenBuffers(1, &vertexBuffer_);
  glGenBuffers(1, &indexBuffer_);
  glBindVertexArray(vertexArray_);
  glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer_);  // part of the vertex array's state
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  const GLsizei stride = sizeof(ImDrawVert);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
  glBindVertexArray(0);

  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "attention_tour_gl";
#ifndef __EMSCRIPTEN__
  // Natively a draw list may pass 65536 vertices (16-bit indices plus a base vertex); WebGL2
  // has no base vertex, so there ImGui keeps each list under that.
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
#endif
  return true;
}

GlImGuiRenderer::~GlImGuiRenderer() {
  if (!program_) return;
  glDeleteProgram(program_);
  glDeleteVertexArrays(1, &vertexArray_);
  glDeleteBuffers(1, &vertexBuffer_);
  glDeleteBuffers(1, &indexBuffer_);
  if (fontTexture_) glDeleteTextures(1, &fontTexture_);
  ImGui::GetIO().Fonts->SetTexID(nullptr);
}

void GlImGuiRenderer::uploadFontAtlas() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  if (!fontTexture_) glGenTextures(1, &fontTexture_);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, fontTexture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(fontTexture_)));
}

void GlImGuiRenderer::setState(const ImDrawData* drawData, int framebufferWidth, int framebufferHeight) {
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_SCISSOR_TEST);
  glViewport(0, 0, framebufferWidth, framebufferHeight);
  // Pixels to clip space, y down.
  const float left = drawData->DisplayPos.x, right = left + drawData->DisplaySize.x;
  const float top = drawData->DisplayPos.y, bottom = top + drawData->DisplaySize.y;
  // A column-major 4 x 4 matrix, one column per line.
  // clang-format off
  const float projection[16] = {
      2.0f / (right - left),           0,                               0,  0,
      0,                               2.0f / (top - bottom),           0,  0,
      0,                               0,                               -1, 0,
      (right + left) / (left - right), (top + bottom) / (bottom - top), 0,  1};
  // clang-format on
  glUseProgram(program_);
  glUniform1i(atlasLocation_, 0);
  glUniformMatrix4fv(projectionLocation_, 1, GL_FALSE, projection);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(vertexArray_);
  glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);
}

void GlImGuiRenderer::render(const ImDrawData* drawData) {
  const int width = static_cast<int>(drawData->DisplaySize.x * drawData->FramebufferScale.x);
  const int height = static_cast<int>(drawData->DisplaySize.y * drawData->FramebufferScale.y);
  if (!program_ || width <= 0 || height <= 0) return;
  setState(drawData, width, height);
  const ImVec2 origin = drawData->DisplayPos, scale = drawData->FramebufferScale;
  const GLenum indexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
  for (int n = 0; n < drawData->CmdListsCount; ++n) {
    const ImDrawList* list = drawData->CmdLists[n];
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size * sizeof(ImDrawVert)),
                 list->VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size * sizeof(ImDrawIdx)),
                 list->IdxBuffer.Data, GL_STREAM_DRAW);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback == ImDrawCallback_ResetRenderState)
          setState(drawData, width, height);
        else
          cmd.UserCallback(list, &cmd);
        continue;
      }
      // The clip rectangle in framebuffer pixels; GL's scissor counts rows from the bottom.
      const float x0 = (cmd.ClipRect.x - origin.x) * scale.x, y0 = (cmd.ClipRect.y - origin.y) * scale.y;
      const float x1 = (cmd.ClipRect.z - origin.x) * scale.x, y1 = (cmd.ClipRect.w - origin.y) * scale.y;
      if (x1 <= x0 || y1 <= y0) continue;
      glScissor(static_cast<int>(x0), static_cast<int>(static_cast<float>(height) - y1), static_cast<int>(x1 - x0),
                static_cast<int>(y1 - y0));
      glBindTexture(GL_TEXTURE_2D, textureName(cmd.GetTexID()));
      const void* firstIndex = reinterpret_cast<const void*>(static_cast<intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx)));
#ifdef __EMSCRIPTEN__
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), indexType, firstIndex);
#else
      glDrawElementsBaseVertex(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), indexType,
                               const_cast<void*>(firstIndex), static_cast<GLint>(cmd.VtxOffset));
#endif
    }
  }
  glDisable(GL_SCISSOR_TEST);
  glBindVertexArray(0);
}

}  // namespace app
