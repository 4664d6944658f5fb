// listing_dump.cpp: prints, as JSON, the NumPy listing of every preset under several
// settings, with softmax and with the linear kernel, and the weights and outputs the core
// computed, for listing_check.py to run.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "lesson/content/code_listing.h"
#include "lesson/content/presets.h"
#include "lesson/content/translations.h"
#include "lesson/model/kv_cache.h"
#include "lesson/model/trace.h"

namespace {

nlohmann::json rows(const core::Matrix& m) {
  nlohmann::json list = nlohmann::json::array();
  for (int r = 0; r < m.rows; ++r) {
    nlohmann::json row = nlohmann::json::array();
    for (int c = 0; c < m.cols; ++c) row.push_back(m.at(r, c));
    list.push_back(row);
  }
  return list;
}

nlohmann::json entry(const std::string& name, const lesson::LessonState& state,
                     core::Kernel kernel = core::Kernel::Softmax) {
  const lesson::LessonTrace trace = lesson::computeTrace(state, kernel);
  nlohmann::json weights = nlohmann::json::array();
  for (const auto& head : trace.attention.heads) weights.push_back(rows(head.weights));
  const core::Matrix& out = lesson::listingMixesHeads(state) ? trace.attention.output : trace.attention.concatenated;
  nlohmann::json result = {{"name", name},
                           {"ok", trace.ok},
                           {"code", lesson::numpyListing(state, trace, kernel)},
                           {"weights", weights},
                           {"out", rows(out)}};
  if (kernel == core::Kernel::Softmax) {  // the KV cache step's rows, every token written
    result["cached"] = rows(lesson::writeWithCache(state, trace.attention.Q.rows).outputs);
    if (trace.cross.ok) result["cross"] = rows(trace.cross.weights());  // the cross-attention step's
  }
  return result;
}

// The state's listing with softmax and with the linear kernel (the linear step's).
void add(nlohmann::json& list, const std::string& name, const lesson::LessonState& state) {
  list.push_back(entry(name, state));
  list.push_back(entry(name + ", linear kernel", state, core::Kernel::Linear));
}

// Each preset as it is, then with one setting changed at a time.
void addVariants(nlohmann::json& list, const lesson::PresetInfo& preset) {
  lesson::LessonState base;
  lesson::loadPreset(preset.id, base);
  add(list, preset.id, base);
  lesson::LessonState s = base;
  s.scale = false;
  add(list, preset.id + " unscaled", s);
  s = base;
  s.temperature = 0.3f;
  add(list, preset.id + " T=0.3", s);
  s = base;
  s.mask = core::Mask::causal();
  add(list, preset.id + " causal", s);
  s = base;
  s.scale = false;
  s.temperature = 2.5f;
  add(list, preset.id + " unscaled, T=2.5", s);
  s = base;
  s.mask = core::Mask::slidingWindow(1);
  add(list, preset.id + " window 1", s);
  s.mask = core::Mask::slidingWindow(0, 1);
  add(list, preset.id + " window 0 + global 1", s);
  if (base.source == lesson::VectorSource::Projected) {  // positions are added to embeddings only
    s = base;
    s.positional = lesson::Positional::Sinusoidal;
    add(list, preset.id + " positions", s);
    s.mask = core::Mask::causal();
    add(list, preset.id + " positions, causal", s);
    if (base.dK % 2 == 0 && lesson::valueWidth(base) % 2 == 0) {
      s.heads = 2;
      s.mask = core::Mask::slidingWindow(1, 1);
      s.scale = false;
      add(list, preset.id + " positions, two heads, window", s);
    }
  }
  const int dv = lesson::valueWidth(base);
  if (base.dK % 2 == 0 && dv % 2 == 0) {
    s = base;
    s.heads = 2;
    s.mask = core::Mask::causal();
    add(list, preset.id + " two heads", s);
  }
  if (!base.WO.empty() && base.WO.cols > 1) {
    s = base;
    s.WO.at(0, 1) = 0.75f;  // one head, but W_O no longer the identity
    add(list, preset.id + " mixed", s);
  }
}

}  // namespace

int main() {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& preset : lesson::presetList()) addVariants(list, preset);
  // The other translation, one word vector edited, under another temperature.
  lesson::LessonState other = lesson::defaultState();
  lesson::loadTranslation("ich-habe", other.cross);
  other.cross.targetX.at(1, 0) = -0.4f;
  other.temperature = 0.7f;
  add(list, "ich-habe, edited, T=0.7", other);
  std::puts(list.dump().c_str());
  return 0;
}
