// web_bridge.h: connects the runtime to the page's JavaScript (window.attentionTour,
// the address bar, localStorage, the ARIA live region). Web build only.
#pragma once

#ifdef __EMSCRIPTEN__

#include "app/runtime.h"

namespace app {

void attachBridge(Runtime& runtime);
// Copy-link and start-over buttons of the UI, done by the page.
void installPageHooks(Runtime& runtime);
// Tells the page a frame was drawn: the first resolves attentionTour.ready; a changed
// state is mirrored to the address bar, storage and the live region.
void notifyFrameRendered(Runtime& runtime, bool stateChanged);

}  // namespace app

#endif
