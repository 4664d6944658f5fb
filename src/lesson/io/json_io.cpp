// json_io.cpp: conversions between the lesson state and JSON.
#include "lesson/io/json_io.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "lesson/content/presets.h"
#include "lesson/content/translations.h"
#include "lesson/model/edits.h"
#include "lesson/model/input_limits.h"

namespace lesson {

std::string shortestFloatText(float value) {
  char text[32];
  for (int digits = 1; digits <= 9; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, static_cast<double>(value));
    if (static_cast<float>(std::strtod(text, nullptr)) == value) break;
  }
  return text;
}

double shortestFloat(float value) {
  if (!std::isfinite(value)) return value;
  return std::strtod(shortestFloatText(value).c_str(), nullptr);
}

json::Json matrixToJson(const core::Matrix& m, bool shortestNumbers) {
  json::Json rows = json::Json::array();
  for (int i = 0; i < m.rows; ++i) {
    json::Json row = json::Json::array();
    for (int j = 0; j < m.cols; ++j) {
      const float v = m.at(i, j);
      if (!std::isfinite(v))
        row.push_back(nullptr);
      else
        row.push_back(shortestNumbers ? shortestFloat(v) : static_cast<double>(v));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string matrixFromJson(const json::Json& value, const std::string& name, core::Matrix& out) {
  if (!value.isArray()) return name + " must be an array of rows";
  if (value.empty()) return name + " is empty";
  if (value.size() > 4096) return name + " has too many rows";
  core::Matrix m;
  m.rows = static_cast<int>(value.size());
  for (size_t i = 0; i < value.size(); ++i) {
    const json::Json& row = value[i];
    if (!row.isArray()) return name + " row " + std::to_string(i) + " must be an array of numbers";
    if (i == 0) {
      if (row.empty()) return name + " row 0 is empty";
      if (row.size() > 1024) return name + " has too many columns";
      m.cols = static_cast<int>(row.size());
      m.values.reserve(static_cast<size_t>(m.rows) * row.size());
    } else if (static_cast<int>(row.size()) != m.cols) {
      return name + " row " + std::to_string(i) + " has " + std::to_string(row.size()) + " entries but row 0 has " +
             std::to_string(m.cols);
    }
    for (size_t j = 0; j < row.size(); ++j) {
      const json::Json& cell = row[j];
      const std::string where = name + "[" + std::to_string(i) + "][" + std::to_string(j) + "]";
      if (!cell.isNumber()) return where + " is not a number";
      const double v = cell.asNumber();
      if (!std::isfinite(v) || std::fabs(v) > 3.0e38) return where + " is not a finite number";
      m.values.push_back(static_cast<float>(v));
    }
  }
  out = std::move(m);
  return {};
}

json::Json stateToJson(const LessonState& s, bool compactNumbers) {
  const auto matrix = [compactNumbers](const core::Matrix& m) { return matrixToJson(m, compactNumbers); };
  json::Json j;
  j["version"] = kStateVersion;
  j["preset"] = s.presetId;
  j["step"] = s.step;
  j["stepId"] = std::string(tourSteps()[static_cast<size_t>(std::clamp(s.step, 0, stepCount() - 1))].id);
  j["tokens"] = s.tokens;
  j["dimensionLabels"] = s.dimensionLabels;
  j["dModel"] = s.dModel;
  j["dK"] = s.dK;
  j["heads"] = s.heads;
  j["scale"] = s.scale;
  j["temperature"] = compactNumbers ? shortestFloat(s.temperature) : s.temperature;
  j["mask"] = core::maskText(s.mask);
  j["positional"] = s.positional == Positional::Sinusoidal ? "sinusoidal" : "none";
  j["tileSize"] = s.tileSize;
  j["selected"] = s.selected;
  j["selectedKey"] = s.selectedKey;
  j["source"] = s.source == VectorSource::Projected ? "projected" : "direct";
  if (s.source == VectorSource::Projected) {
    j["X"] = matrix(s.X);
    j["WQ"] = matrix(s.WQ);
    j["WK"] = matrix(s.WK);
    j["WV"] = matrix(s.WV);
  } else {
    j["Q"] = matrix(s.Q);
    j["K"] = matrix(s.K);
    j["V"] = matrix(s.V);
  }
  j["WO"] = matrix(s.WO);
  // The translation travels only when it is not the one every lesson starts with.
  CrossExample standard;
  loadTranslation(kDefaultTranslation, standard);
  if (!(s.cross == standard)) j["cross"] = crossToJson(s.cross, compactNumbers);
  return j;
}

json::Json crossToJson(const CrossExample& c, bool compactNumbers) {
  return json::Json::object({{"pair", c.pairId},
                             {"source", c.source},
                             {"target", c.target},
                             {"dimensionLabels", c.dimensionLabels},
                             {"sourceX", matrixToJson(c.sourceX, compactNumbers)},
                             {"targetX", matrixToJson(c.targetX, compactNumbers)},
                             {"WQ", matrixToJson(c.WQ, compactNumbers)},
                             {"WK", matrixToJson(c.WK, compactNumbers)},
                             {"WV", matrixToJson(c.WV, compactNumbers)}});
}

std::string readBoolField(const json::Json& object, const char* key, bool& out) {
  if (!object.contains(key)) return {};
  if (!object[key].isBool()) return std::string(key) + " must be true or false";
  out = object[key].asBool();
  return {};
}

std::string readFiniteField(const json::Json& object, const char* key, float& out) {
  if (!object.contains(key)) return {};
  if (!object[key].isNumber()) return std::string(key) + " must be a number";
  const double value = object[key].asNumber();
  if (!std::isfinite(value) || std::fabs(value) > std::numeric_limits<float>::max())
    return std::string(key) + " must be a finite number";
  out = static_cast<float>(value);
  return {};
}

json::Json stateWithTraceToJson(const LessonState& s, const LessonTrace& trace) {
  json::Json j = stateToJson(s);
  j["stepCount"] = stepCount();
  json::Json presets = json::Json::array();
  for (const auto& preset : presetList()) presets.push_back(preset.id);
  j["presets"] = presets;
  j["notice"] = s.notice;
  j["ok"] = trace.ok;
  j["error"] = trace.error;
  for (const char* name : {"X", "WQ", "WK", "WV"})
    if (!j.contains(name)) j[name] = json::Json::array();
  const auto& a = trace.attention;
  j["Q"] = matrixToJson(a.Q);
  j["K"] = matrixToJson(a.K);
  j["V"] = matrixToJson(a.V);
  j["output"] = matrixToJson(a.concatenated);
  j["mixedOutput"] = matrixToJson(a.output);
  if (!a.heads.empty()) {
    const auto& first = a.heads.front();
    j["scores"] = matrixToJson(first.rawScores);
    j["scaledScores"] = matrixToJson(first.scaledScores);
    j["maskedScores"] = matrixToJson(first.maskedScores);
    j["weights"] = matrixToJson(first.weights);
    json::Json hidden = json::Json::array();
    for (unsigned char flag : first.rowFullyHidden) hidden.push_back(flag != 0);
    j["rowFullyHidden"] = hidden;
  }
  json::Json cross = crossToJson(s.cross, false);
  cross["weights"] = trace.cross.ok ? matrixToJson(trace.cross.weights()) : json::Json::array();
  cross["output"] = trace.cross.ok ? matrixToJson(trace.cross.attention.output) : json::Json::array();
  j["cross"] = cross;
  if (a.heads.size() > 1) {
    json::Json headWeights = json::Json::array();
    for (const auto& head : a.heads) headWeights.push_back(matrixToJson(head.weights));
    j["headWeights"] = headWeights;
  }
  return j;
}

namespace {

std::string readInt(const json::Json& patch, const char* key, int& out) {
  if (!patch.contains(key)) return {};
  const json::Json& v = patch[key];
  if (!v.isInteger()) return std::string(key) + " must be a whole number";
  const auto value = v.asInteger();
  if (value < -1000000 || value > 1000000) return std::string(key) + " is out of range";
  out = static_cast<int>(value);
  return {};
}

std::string readStrings(const json::Json& patch, const char* key, std::vector<std::string>& out) {
  if (!patch.contains(key)) return {};
  const json::Json& v = patch[key];
  if (!v.isArray()) return std::string(key) + " must be an array of strings";
  if (v.size() > 64) return std::string(key) + " has too many entries";
  std::vector<std::string> result;
  for (const auto& item : v) {
    if (!item.isString()) return std::string(key) + " must be an array of strings";
    result.push_back(item.asString());
  }
  out = std::move(result);
  return {};
}

// Which way the vectors are given after this patch.
std::string readSource(const json::Json& patch, LessonState& s) {
  const bool direct = patch.contains("Q") || patch.contains("K") || patch.contains("V");
  const bool projected = patch.contains("X") || patch.contains("WQ") || patch.contains("WK") || patch.contains("WV");
  if (patch.contains("source")) {
    const json::Json& v = patch["source"];
    if (!v.isString() || (v != "projected" && v != "direct")) return "source must be \"projected\" or \"direct\"";
    if (v == "direct")
      switchToDirect(s);
    else
      s.source = VectorSource::Projected;
    return {};
  }
  if (direct && projected) return "give either X and the W matrices or Q, K, V, not both (or set source)";
  if (direct) switchToDirect(s);
  if (projected) s.source = VectorSource::Projected;
  return {};
}

std::string readMatrices(const json::Json& patch, LessonState& s) {
  const std::pair<const char*, core::Matrix*> fields[] = {{"X", &s.X}, {"WQ", &s.WQ}, {"WK", &s.WK}, {"WV", &s.WV},
                                                          {"Q", &s.Q}, {"K", &s.K},   {"V", &s.V}};
  const bool direct = s.source == VectorSource::Direct;
  for (const auto& [name, target] : fields) {
    const bool belongs = direct == (name[0] == 'Q' || name[0] == 'K' || name[0] == 'V');
    if (!patch.contains(name) || !belongs) continue;
    if (auto error = matrixFromJson(patch[name], name, *target); !error.empty()) return error;
  }
  // A W_O given in the patch must fit as it is; otherwise it follows a change of d_v.
  if (patch.contains("WO")) return matrixFromJson(patch["WO"], "WO", s.WO);
  fitOutputMixing(s);
  return {};
}

std::string readToggles(const json::Json& patch, LessonState& s) {
  std::string e;
  if (!(e = readBoolField(patch, "scale", s.scale)).empty()) return e;
  if (!(e = readFiniteField(patch, "temperature", s.temperature)).empty()) return e;
  if (patch.contains("mask")) {
    if (!patch["mask"].isString()) return "mask must be \"none\", \"causal\", \"window:W\" or \"window:W+global:G\"";
    auto parsed = core::parseMaskText(patch["mask"].asString());
    if (!parsed.ok()) return parsed.error();
    s.mask = parsed.value();
  }
  if (patch.contains("positional")) {
    const json::Json& p = patch["positional"];
    if (p == "sinusoidal")
      s.positional = Positional::Sinusoidal;
    else if (p == "none")
      s.positional = Positional::None;
    else
      return "positional must be \"none\" or \"sinusoidal\"";
  }
  return {};
}

std::string readStep(const json::Json& patch, LessonState& s) {
  if (patch.contains("stepId")) {
    if (!patch["stepId"].isString()) return "stepId must be a string";
    const int index = stepIndexOf(patch["stepId"].asString());
    if (index < 0) return "unknown stepId \"" + patch["stepId"].asString() + "\"";
    if (!patch.contains("step")) s.step = index;
  }
  return readInt(patch, "step", s.step);
}

// A pair by its id ("pair"), then any of its fields given in full; checked with the whole state.
std::string readCross(const json::Json& patch, LessonState& s) {
  if (!patch.contains("cross")) return {};
  const json::Json& c = patch["cross"];
  if (!c.isObject()) return "cross must be an object";
  if (c.contains("pair")) {
    if (!c["pair"].isString()) return "cross.pair must be a string";
    if (!loadTranslation(c["pair"].asString(), s.cross)) return "unknown cross.pair \"" + c["pair"].asString() + "\"";
  }
  std::string e;
  if (!(e = readStrings(c, "source", s.cross.source)).empty()) return "cross." + e;
  if (!(e = readStrings(c, "target", s.cross.target)).empty()) return "cross." + e;
  if (!(e = readStrings(c, "dimensionLabels", s.cross.dimensionLabels)).empty()) return "cross." + e;
  const std::pair<const char*, core::Matrix*> fields[] = {{"sourceX", &s.cross.sourceX},
                                                          {"targetX", &s.cross.targetX},
                                                          {"WQ", &s.cross.WQ},
                                                          {"WK", &s.cross.WK},
                                                          {"WV", &s.cross.WV}};
  for (const auto& [name, target] : fields)
    if (c.contains(name) && !(e = matrixFromJson(c[name], std::string("cross.") + name, *target)).empty()) return e;
  return {};
}

std::string applyPatch(const json::Json& patch, LessonState& s) {
  if (patch.contains("version")) {
    if (!patch["version"].isInteger()) return "version must be a whole number";
    if (patch["version"].asInteger() != kStateVersion)
      return "state version " + std::to_string(patch["version"].asInteger()) +
             " is not supported (this lesson reads version 1)";
  }
  if (patch.contains("preset")) {
    if (!patch["preset"].isString()) return "preset must be a string";
    const std::string id = patch["preset"].asString();
    LessonState preset;
    if (loadPreset(id, preset))
      s = preset;
    else if (id == "random" || id == "custom")
      s.presetId = id;
    else
      return "unknown preset \"" + id + "\"";
  }
  std::string e;
  if (!(e = readStrings(patch, "tokens", s.tokens)).empty()) return e;
  if (!(e = readStrings(patch, "dimensionLabels", s.dimensionLabels)).empty()) return e;
  if (!(e = readInt(patch, "dModel", s.dModel)).empty()) return e;
  if (!(e = readInt(patch, "dK", s.dK)).empty()) return e;
  if (!(e = readInt(patch, "heads", s.heads)).empty()) return e;
  if (!(e = readSource(patch, s)).empty()) return e;
  if (!(e = readMatrices(patch, s)).empty()) return e;
  if (!(e = readToggles(patch, s)).empty()) return e;
  if (!(e = readStep(patch, s)).empty()) return e;
  if (!(e = readInt(patch, "selected", s.selected)).empty()) return e;
  if (!(e = readInt(patch, "selectedKey", s.selectedKey)).empty()) return e;
  if (!(e = readInt(patch, "tileSize", s.tileSize)).empty()) return e;
  return readCross(patch, s);
}

std::string checkSelection(const LessonState& s) {
  const int n = static_cast<int>(s.tokens.size());
  if (s.selected < 0 || s.selected >= n) return "selected must be a token index from 0 to " + std::to_string(n - 1);
  if (s.selectedKey < 0 || s.selectedKey >= n)
    return "selectedKey must be a token index from 0 to " + std::to_string(n - 1);
  return {};
}

}  // namespace

std::string applyStateJson(LessonState& state, const json::Json& patch) {
  if (!patch.isObject()) return "the state must be a JSON object";
  LessonState candidate = state;
  std::string error = applyPatch(patch, candidate);
  if (error.empty()) error = validateState(candidate);
  // A selection the patch did not mention follows the new sentence; one it names must fit.
  const int last = static_cast<int>(candidate.tokens.size()) - 1;
  if (!patch.contains("selected")) candidate.selected = std::clamp(candidate.selected, 0, std::max(0, last));
  if (!patch.contains("selectedKey")) candidate.selectedKey = std::clamp(candidate.selectedKey, 0, std::max(0, last));
  if (error.empty()) error = checkSelection(candidate);
  if (!error.empty()) return error;
  candidate.notice.clear();
  state = std::move(candidate);
  return {};
}

std::string applyStateText(LessonState& state, const std::string& text) {
  if (std::string error = checkTextSize(text, kMaxStateTextBytes, "the state"); !error.empty()) return error;
  const auto parsed = json::Json::parse(text);
  if (!parsed) return "the state is not valid JSON";
  return applyStateJson(state, *parsed);
}

}  // namespace lesson
