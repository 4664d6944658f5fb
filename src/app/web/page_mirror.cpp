// page_mirror.cpp: the page's semantic mirror, from the module's side. Once the page's
// mirror.js is there (at_mirror_wanted), a frame whose controls moved or whose lesson changed
// is followed, 150 ms later, by one frame that records what it draws (ui::MirrorNode, in
// ui/kit/mirror.h and focus.h); that list goes to the page as JSON (Module.onMirror), which
// builds real elements from it. The page's elements move the lesson's keyboard focus and
// press its controls through at_mirror_focus and at_mirror_press. Web build only.
#ifdef __EMSCRIPTEN__

#include "app/web/page_mirror.h"

#include <emscripten.h>
#include <imgui.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "app/web/web_bridge.h"
#include "json/json.h"
#include "ui/kit/focus.h"
#include "ui/kit/widgets.h"

namespace app {

namespace {

struct MirrorHooks {
  bool wanted = false;       // mirror.js is loaded and listening
  bool due = false;          // a recording frame is asked for (now or after the timer)
  uint64_t published = 0;    // the signature of what the page holds
  double recordedAt = -1e9;  // when the last recording frame was drawn (ms)
};

MirrorHooks& hooks() {
  static MirrorHooks instance;  // the one page this module serves
  return instance;
}

// What the page's mirror depends on, FNV-1a over it: the step and the lesson's revision; every
// drawn control's id, place (scrolling, a new layout, a section opened), role, state and value
// (a view's own option or bar, which changes no revision); the focused control's label (the
// control in use, whose words may change with a view's state: "Next tile: 3 of 5"); and how
// much each of the frame's draw lists holds (text that grew or shrank, a drawing shown).
uint64_t signatureOf(const ui::AppState& app) {
  uint64_t hash = 1469598103934665603ull;
  const auto mix = [&hash](uint64_t value) {
    for (int k = 0; k < 8; ++k) hash = (hash ^ ((value >> (8 * k)) & 0xff)) * 1099511628211ull;
  };
  const auto mixText = [&mix](const std::string& text) {
    for (char c : text) mix(static_cast<unsigned char>(c));
  };
  mix(static_cast<uint64_t>(app.session().lesson().step));
  mix(app.session().revision());
  for (const ui::WidgetRect& w : app.focus.widgets) {
    mixText(w.id);
    mix(static_cast<uint64_t>(std::lround(w.x)) << 32 | static_cast<uint32_t>(std::lround(w.y)));
    mix(static_cast<uint64_t>(std::lround(w.w)) << 32 | static_cast<uint32_t>(std::lround(w.h)));
    uint32_t valueBits = 0;
    std::memcpy(&valueBits, &w.value, sizeof valueBits);
    mix(static_cast<uint64_t>(valueBits) << 16 | static_cast<uint64_t>(w.role) << 8 | (w.on ? 1u : 0u));
    if (w.focused) mixText(w.spoken);
  }
  if (const ImDrawData* drawn = ImGui::GetDrawData())
    for (int k = 0; k < drawn->CmdListsCount; ++k)
      mix(static_cast<uint64_t>(drawn->CmdLists[k]->VtxBuffer.Size) << 32 |
          static_cast<uint32_t>(drawn->CmdLists[k]->IdxBuffer.Size));
  return hash;
}

void appendList(std::string& out, const std::vector<std::string>& texts) {
  out += '[';
  for (size_t k = 0; k < texts.size(); ++k) {
    if (k) out += ',';
    json::appendQuoted(out, texts[k]);
  }
  out += ']';
}

// {"step":N,"focused":"id","nodes":[[kind,role,on,value,part,id,text,x,y,w,h,rows,cols,cells,disabled,low,high],...]}:
// each node a positional array (web/mirror.js names the fields), places in whole CSS pixels,
// value "" where the node has none. Written directly: this runs after every change.
std::string mirrorJson(const ui::AppState& app) {
  const float toCss = 1.0f / app.platform.pixelRatio;
  std::string focused;
  for (const ui::WidgetRect& w : app.focus.widgets)
    if (w.focused) focused = w.id;
  std::string out = "{\"step\":" + std::to_string(app.session().lesson().step) + ",\"focused\":";
  json::appendQuoted(out, focused);
  out += ",\"nodes\":[";
  bool first = true;
  for (const ui::MirrorNode& n : app.focus.mirror) {
    out += first ? "[" : ",[";
    first = false;
    for (int field : {static_cast<int>(n.kind), static_cast<int>(n.role), n.on ? 1 : 0}) {
      out += std::to_string(field);
      out += ',';
    }
    json::appendQuoted(out, std::isnan(n.value) ? std::string() : ui::spokenNumber(n.value));
    out += ',' + std::to_string(n.part) + ',';
    json::appendQuoted(out, n.id);
    out += ',';
    json::appendQuoted(out, n.text);
    for (float v : {n.x, n.y, n.w, n.h}) out += ',' + std::to_string(std::lround(v * toCss));
    out += ',';
    appendList(out, n.rows);
    out += ',';
    appendList(out, n.cols);
    out += ',';
    appendList(out, n.cells);
    out += n.disabled ? ",1," : ",0,";
    json::appendQuoted(out, std::isnan(n.low) ? std::string() : ui::spokenNumber(n.low));
    out += ',';
    json::appendQuoted(out, std::isnan(n.high) ? std::string() : ui::spokenNumber(n.high));
    out += ']';
  }
  return out + "]}";
}

// The next frame records, at most once every 150 ms: while the learner scrolls or drags, the
// page's elements follow a little behind instead of being rebuilt every frame.
constexpr double kRecordingGapMs = 150;

void recordSoon(Runtime& runtime) {
  MirrorHooks& h = hooks();
  h.due = true;
  const double wait = h.recordedAt + kRecordingGapMs - emscripten_get_now();
  if (wait <= 0) {
    runtime.app.focus.mirrorNextFrame = true;
    wake(runtime);
    return;
  }
  emscripten_async_call(
      [](void*) {
        Runtime& later = bridgedRuntime();
        later.app.focus.mirrorNextFrame = true;
        wake(later);
      },
      nullptr, static_cast<int>(wait) + 1);
}

}  // namespace

void publishMirror(Runtime& runtime) {
  MirrorHooks& h = hooks();
  if (!h.wanted) return;
  const ui::AppState& app = runtime.app;
  const uint64_t signature = signatureOf(app);
  if (app.focus.mirroring) {
    h.due = false;
    h.published = signature;
    h.recordedAt = emscripten_get_now();
    const std::string text = mirrorJson(app);
    EM_ASM(
        {
          if (Module.onMirror) Module.onMirror(UTF8ToString($0));
        },
        text.c_str());
    return;
  }
  if (signature != h.published && !h.due) recordSoon(runtime);
}

bool mirrorDue() { return hooks().due; }

}  // namespace app

extern "C" {

// mirror.js is loaded: from now on the page hears of every change (0: it stopped listening).
EMSCRIPTEN_KEEPALIVE void at_mirror_wanted(int wanted) {
  app::MirrorHooks& h = app::hooks();
  h.wanted = wanted != 0;
  h.published = 0;
  if (h.wanted && !h.due) app::recordSoon(app::bridgedRuntime());
}

// An element of the mirror took the browser's focus (Tab, a screen reader's cursor): the
// lesson's keyboard focus moves to the control it stands for, before the next key is read.
EMSCRIPTEN_KEEPALIVE void at_mirror_focus(const char* id) {
  if (!id || !*id) return;
  ui::requestFocus(app::bridgedRuntime().app, id);
  app::wake(app::bridgedRuntime());
}

// An element of the mirror was pressed (a screen reader's click): the control is focused and
// pressed with Enter, as the keyboard would.
EMSCRIPTEN_KEEPALIVE void at_mirror_press(const char* id) {
  if (!id || !*id) return;
  ui::requestPress(app::bridgedRuntime().app, id);
  app::wake(app::bridgedRuntime());
}

}  // extern "C"

#endif  // __EMSCRIPTEN__
