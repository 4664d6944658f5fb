// screenshot.cpp: off-screen rendering to a PNG with stb_image_write.
#include "app/desktop/screenshot.h"

#include <string_view>
#include <vector>

#include "app/desktop/bounded_file.h"
#include "app/gl/gl_headers.h"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace app {

namespace {

void appendBytes(void* context, void* data, int size) {
  auto& out = *static_cast<std::vector<char>*>(context);
  out.insert(out.end(), static_cast<char*>(data), static_cast<char*>(data) + size);
}

// Encodes in memory so the file is written by writeWholeFile, which checks every step
// (stb's own file writer ignores a failed write or close).
std::string savePng(const std::vector<unsigned char>& pixels, int width, int height, const std::string& path) {
  std::vector<char> png;
  stbi_flip_vertically_on_write(1);  // GL rows run bottom-up
  if (!stbi_write_png_to_func(appendBytes, &png, width, height, 4, pixels.data(), width * 4))
    return "could not encode the screenshot as PNG";
  const std::string error = writeWholeFile(path, std::string_view(png.data(), png.size()));
  return error.empty() ? std::string() : "cannot write screenshot '" + path + "': " + error;
}

}  // namespace

std::string writeScreenshot(Runtime& runtime, int width, int height, const std::string& path) {
  GLuint framebuffer = 0, colour = 0;
  glGenFramebuffers(1, &framebuffer);
  glGenTextures(1, &colour);
  glBindTexture(GL_TEXTURE_2D, colour);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, colour, 0);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    return "could not create an off-screen image";
  runtime.targetFramebuffer = framebuffer;
  runtime.forcedWidth = width;
  runtime.forcedHeight = height;
  // Layout settles over a few frames (window sizes, fonts, auto-fit columns).
  for (int k = 0; k < 6; ++k) {
    wake(runtime);
    runFrame(runtime);
  }
  std::vector<unsigned char> pixels(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glDeleteFramebuffers(1, &framebuffer);
  glDeleteTextures(1, &colour);
  runtime.targetFramebuffer = 0;
  return savePng(pixels, width, height, path);
}

}  // namespace app
