// web_bridge.h: connects the runtime to the page's JavaScript. Two files, one concern each:
// web_bridge.cpp is window.attentionTour's table of C functions (decode, call the lesson or a
// view's entry point, encode); web_page.cpp is the page as a platform (clipboard, focus
// announcements, the labs' workers, input and display hooks). Web build only.
#pragma once

#ifdef __EMSCRIPTEN__

#include <string>

#include "app/runtime.h"
#include "lesson/model/actions.h"

namespace app {

void attachBridge(Runtime& runtime);
// The platform services the views use, done by the page (web_page.cpp).
void installPageHooks(Runtime& runtime);
// Tells the page a frame was drawn: the first resolves attentionTour.ready; a changed
// state is mirrored to the address bar, storage and the live region.
void notifyFrameRendered(Runtime& runtime, bool stateChanged);

// For both files of the bridge: the runtime it serves; a reply kept valid until the next
// call; an action applied through the lesson's one door, after which the page redraws.
Runtime& bridgedRuntime();
const char* bridgeReply(std::string text);
std::string bridgeAct(const lesson::Action& action);
// The stored clipboard text that Ctrl+V pastes (Emscripten 3.1.6's GLFW has none).
std::string& bridgeClipboard();

}  // namespace app

#endif
