// share_link.h: the lesson state in a URL fragment, "#s=1.<base64url of the state JSON>".
// The leading number is the link format version. Decoding never trusts the link: any
// problem yields a message and no state.
#pragma once

#include <string>

#include "lesson/model/state.h"

namespace lesson {

constexpr int kLinkVersion = 1;
constexpr size_t kMaxLinkLength = 32 * 1024;

std::string encodeShareFragment(const LessonState& state);  // without the leading '#'

// Applies a fragment ("s=1...." with or without '#') onto a copy of `base`; on success
// `out` holds the shared state. Returns "" or why the link could not be read.
std::string decodeShareFragment(const std::string& fragment, const LessonState& base, LessonState& out);

std::string base64UrlEncode(const std::string& bytes);
bool base64UrlDecode(const std::string& text, std::string& bytes);

}  // namespace lesson
