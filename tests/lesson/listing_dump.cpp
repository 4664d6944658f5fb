// listing_dump.cpp: prints, as JSON, the NumPy listing of every preset under several
// settings, with the weights and outputs the core computed, for listing_check.py to run.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "lesson/content/code_listing.h"
#include "lesson/content/presets.h"
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

nlohmann::json entry(const std::string& name, const lesson::LessonState& state) {
  const lesson::LessonTrace trace = lesson::computeTrace(state);
  nlohmann::json weights = nlohmann::json::array();
  for (const auto& head : trace.attention.heads) weights.push_back(rows(head.weights));
  const core::Matrix& out = lesson::listingMixesHeads(state) ? trace.attention.output : trace.attention.concatenated;
  return {{"name", name},
          {"ok", trace.ok},
          {"code", lesson::numpyListing(state, trace)},
          {"weights", weights},
          {"out", rows(out)}};
}

// Each preset as it is, then with one setting changed at a time.
void addVariants(nlohmann::json& list, const lesson::PresetInfo& preset) {
  lesson::LessonState base;
  lesson::loadPreset(preset.id, base);
  list.push_back(entry(preset.id, base));
  lesson::LessonState s = base;
  s.scale = false;
  list.push_back(entry(preset.id + " unscaled", s));
  s = base;
  s.temperature = 0.3f;
  list.push_back(entry(preset.id + " T=0.3", s));
  s = base;
  s.mask = core::Mask::causal();
  list.push_back(entry(preset.id + " causal", s));
  s = base;
  s.scale = false;
  s.temperature = 2.5f;
  list.push_back(entry(preset.id + " unscaled, T=2.5", s));
  s = base;
  s.mask = core::Mask::slidingWindow(1);
  list.push_back(entry(preset.id + " window 1", s));
  s.mask = core::Mask::slidingWindow(0, 1);
  list.push_back(entry(preset.id + " window 0 + global 1", s));
  if (base.source == lesson::VectorSource::Projected) {  // positions are added to embeddings only
    s = base;
    s.positional = lesson::Positional::Sinusoidal;
    list.push_back(entry(preset.id + " positions", s));
    s.mask = core::Mask::causal();
    list.push_back(entry(preset.id + " positions, causal", s));
    if (base.dK % 2 == 0 && lesson::valueWidth(base) % 2 == 0) {
      s.heads = 2;
      s.mask = core::Mask::slidingWindow(1, 1);
      s.scale = false;
      list.push_back(entry(preset.id + " positions, two heads, window", s));
    }
  }
  const int dv = lesson::valueWidth(base);
  if (base.dK % 2 == 0 && dv % 2 == 0) {
    s = base;
    s.heads = 2;
    s.mask = core::Mask::causal();
    list.push_back(entry(preset.id + " two heads", s));
  }
  if (!base.WO.empty() && base.WO.cols > 1) {
    s = base;
    s.WO.at(0, 1) = 0.75f;  // one head, but W_O no longer the identity
    list.push_back(entry(preset.id + " mixed", s));
  }
}

}  // namespace

int main() {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& preset : lesson::presetList()) addVariants(list, preset);
  std::puts(list.dump().c_str());
  return 0;
}
