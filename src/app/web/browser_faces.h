// browser_faces.h: the page's font builder, which draws the browser's own faces into Dear
// ImGui's atlas (browser_faces.cpp says how).
#pragma once

struct ImFontBuilderIO;

namespace app {

const ImFontBuilderIO* browserFaces();

}  // namespace app
