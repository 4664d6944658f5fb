// compute_api.cpp: JSON in, core computation, JSON out.
#include "lesson/io/compute_api.h"

#include <algorithm>
#include <cmath>

#include "core/attention.h"
#include "core/limits.h"
#include "core/online.h"
#include "lesson/io/json_io.h"
#include "lesson/model/input_limits.h"

namespace lesson {

namespace {

json::Json errorReply(const std::string& message) { return json::Json::object({{"error", message}}); }

std::string readMask(const json::Json& request, int queryCount, int keyCount, core::Mask& mask) {
  if (!request.contains("mask") || request["mask"].isNull()) return {};
  const json::Json& m = request["mask"];
  if (m.isString()) {
    auto parsed = core::parseMaskText(m.asString());
    if (!parsed.ok()) return parsed.error();
    mask = parsed.value();
    return {};
  }
  if (!m.isArray()) return "mask must be \"none\", \"causal\", \"window:W\", \"window:W+global:G\" or a boolean matrix";
  if (static_cast<int>(m.size()) != queryCount)
    return "mask has " + std::to_string(m.size()) + " rows but Q has " + std::to_string(queryCount);
  std::vector<core::Flags> allowed;
  for (size_t i = 0; i < m.size(); ++i) {
    if (!m[i].isArray() || static_cast<int>(m[i].size()) != keyCount)
      return "mask row " + std::to_string(i) + " must have " + std::to_string(keyCount) + " entries, one per key";
    core::Flags row;
    for (const auto& cell : m[i]) {
      if (!cell.isBool() && !(cell.isInteger() && (cell.asInteger() == 0 || cell.asInteger() == 1)))
        return "mask entries must be true/false (or 1/0)";
      row.push_back(cell.isBool() ? cell.asBool() : cell.asInteger() == 1);
    }
    allowed.push_back(std::move(row));
  }
  mask = core::Mask::explicitAllowed(std::move(allowed));
  return {};
}

std::string readOptions(const json::Json& request, const core::Matrix& Q, const core::Matrix& K,
                        core::AttentionOptions& options) {
  std::string e;
  if (!(e = readBoolField(request, "scale", options.scale)).empty()) return e;
  if (!(e = readFiniteField(request, "temperature", options.temperature)).empty()) return e;
  if (request.contains("heads")) {
    if (!request["heads"].isInteger()) return "heads must be a whole number";
    const auto heads = request["heads"].asInteger();
    if (heads < 1 || heads > core::kMaxHeads) return "heads must be between 1 and " + std::to_string(core::kMaxHeads);
    options.heads = static_cast<int>(heads);
  }
  if (request.contains("kernel") && !request["kernel"].isNull()) {
    const json::Json& kernel = request["kernel"];
    if (kernel == "linear")
      options.kernel = core::Kernel::Linear;
    else if (kernel != "softmax")
      return "kernel must be \"softmax\" or \"linear\"";
  }
  if (request.contains("WO") && !request["WO"].isNull()) {
    core::Matrix wo;
    if (!(e = matrixFromJson(request["WO"], "WO", wo)).empty()) return e;
    options.outputProjection = wo;
  }
  return readMask(request, Q.rows, K.rows, options.mask);
}

// Refused before any matrix is made: the reply is built and sent on the page's main thread.
std::string checkReplySize(const core::Matrix& Q, const core::Matrix& K, const core::Matrix& V,
                           const core::AttentionOptions& options) {
  const double cells = static_cast<double>(Q.rows) * K.rows;
  const double matrices = options.heads > 1 ? 2.0 + 2.0 * options.heads : 2.0;
  const double numbers = cells * matrices + static_cast<double>(Q.rows) * V.cols;
  if (numbers <= kMaxComputeReplyNumbers) return {};
  return "this request would answer with " + std::to_string(static_cast<long long>(numbers)) +
         " numbers (scores and weights of " + std::to_string(Q.rows) + " x " + std::to_string(K.rows) +
         (options.heads > 1 ? " per head" : "") + "); compute() answers at most " +
         std::to_string(static_cast<long long>(kMaxComputeReplyNumbers)) + ", about 256 tokens with one head";
}

json::Json onlineReply(const core::OnlineAttention& online) {
  json::Json tiles = json::Json::array();
  for (const auto& tile : online.tiles) {
    json::Json maxima = json::Json::array();
    for (float m : tile.runningMax) maxima.push_back(std::isfinite(m) ? json::Json(m) : json::Json());
    tiles.push_back(json::Json::object({{"firstKey", tile.firstKey},
                                        {"keyCount", tile.keyCount},
                                        {"runningMax", maxima},
                                        {"runningSum", tile.runningSum},
                                        {"partialOutput", matrixToJson(tile.partialOutput)}}));
  }
  return json::Json::object({{"output", matrixToJson(online.output)}, {"tiles", tiles}});
}

json::Json traceReply(const core::AttentionTrace& trace) {
  json::Json reply;
  reply["scores"] = matrixToJson(trace.heads.front().maskedScores);
  reply["weights"] = matrixToJson(trace.heads.front().weights);
  reply["output"] = matrixToJson(trace.output);
  json::Json hidden = json::Json::array();
  for (size_t i = 0; i < trace.heads.front().rowFullyHidden.size(); ++i) {
    bool any = false;
    for (const auto& head : trace.heads) any = any || head.rowFullyHidden[i];
    hidden.push_back(any);
  }
  reply["rowFullyHidden"] = hidden;
  if (trace.heads.size() > 1) {
    json::Json headScores = json::Json::array(), headWeights = json::Json::array();
    for (const auto& head : trace.heads) {
      headScores.push_back(matrixToJson(head.maskedScores));
      headWeights.push_back(matrixToJson(head.weights));
    }
    reply["headScores"] = headScores;
    reply["headWeights"] = headWeights;
  }
  return reply;
}

}  // namespace

json::Json computeRequest(const json::Json& request) {
  if (!request.isObject()) return errorReply("the request must be a JSON object with Q, K and V");
  core::Matrix Q, K, V;
  for (const auto& [name, target] : {std::pair<const char*, core::Matrix*>{"Q", &Q}, {"K", &K}, {"V", &V}}) {
    if (!request.contains(name)) return errorReply(std::string(name) + " is missing");
    if (auto e = matrixFromJson(request[name], name, *target); !e.empty()) return errorReply(e);
  }
  core::AttentionOptions options;
  if (auto e = readOptions(request, Q, K, options); !e.empty()) return errorReply(e);
  if (auto e = checkReplySize(Q, K, V, options); !e.empty()) return errorReply(e);
  auto result = core::attend(Q, K, V, options);
  if (!result.ok()) return errorReply(result.error());
  json::Json reply = traceReply(result.value());
  if (request.contains("tile")) {
    if (!request["tile"].isInteger() || request["tile"].asInteger() < 1)
      return errorReply("tile must be a whole number of at least 1");
    if (options.heads != 1) return errorReply("tile works with one head only");
    if (options.kernel != core::Kernel::Softmax) return errorReply("tile works with the softmax kernel only");
    const int tile = static_cast<int>(std::min<long long>(request["tile"].asInteger(), 4096));
    const double tileCount = std::ceil(static_cast<double>(K.rows) / tile);
    if (tileCount * Q.rows * V.cols > 1.0e6)
      return errorReply("the tile trace would hold more than a million numbers; use a larger tile or fewer tokens");
    auto online = core::attendOnline(Q, K, V, options, tile, true);
    if (!online.ok()) return errorReply(online.error());
    reply["online"] = onlineReply(online.value());
  }
  return reply;
}

std::string computeText(const std::string& requestText) {
  if (std::string error = checkTextSize(requestText, kMaxComputeRequestBytes, "the request"); !error.empty())
    return errorReply(error).dump();
  const auto request = json::Json::parse(requestText);
  if (!request) return errorReply("the request is not valid JSON").dump();
  return computeRequest(*request).dump();
}

}  // namespace lesson
