// json.cpp: the JSON value's storage (text, arrays and objects live on the heap, so a value
// is 16 bytes) and its accessors. Reading is json_read.cpp, writing json_write.cpp.
#include "json/json.h"

#include <algorithm>
#include <cstdlib>

namespace json {

namespace {

const Json kNull;
const std::string kNoText;
const Json::Object kNoMembers;

bool keyBefore(const Json::Member& member, std::string_view key) { return member.first < key; }

// Orders members by key, and members with equal keys by where they were: the vector is
// contiguous, so their addresses keep their order. (qsort is linked for Dear ImGui already;
// std::stable_sort would add 4 KB to the page.)
int compareMembers(const void* a, const void* b) {
  const auto* left = *static_cast<const Json::Member* const*>(a);
  const auto* right = *static_cast<const Json::Member* const*>(b);
  if (const int order = left->first.compare(right->first)) return order;
  return left < right ? -1 : (left > right ? 1 : 0);
}

}  // namespace

Json::Json(std::string text) : type_(Type::String), string_(new std::string(std::move(text))) {}

Json::Json(Array items) : type_(Type::Array), array_(new Array(std::move(items))) {}

Json::Json(Object members) : type_(Type::Object), object_(new Object()) {
  std::vector<Member*> order;
  order.reserve(members.size());
  for (Member& member : members) order.push_back(&member);
  if (order.size() > 1) std::qsort(order.data(), order.size(), sizeof(Member*), compareMembers);  // data() may be null
  object_->reserve(order.size());
  // Of members with the same key, the last one given wins.
  for (std::size_t k = 0; k < order.size(); ++k)
    if (k + 1 == order.size() || order[k + 1]->first != order[k]->first) object_->push_back(std::move(*order[k]));
}

Json::Json(const std::set<std::string>& texts) : Json(Array(texts.begin(), texts.end())) {}

Json Json::object(std::initializer_list<std::pair<std::string_view, Json>> members) {
  Object list;
  list.reserve(members.size());
  for (const auto& [key, value] : members) list.emplace_back(std::string(key), value);
  return Json(std::move(list));
}

Json Json::array(std::initializer_list<Json> items) { return Json(Array(items)); }

Json::Json(const Json& other) : type_(other.type_) {
  switch (type_) {
    case Type::String:
      string_ = new std::string(*other.string_);
      break;
    case Type::Array:
      array_ = new Array(*other.array_);
      break;
    case Type::Object:
      object_ = new Object(*other.object_);
      break;
    default:
      integer_ = other.integer_;
      break;  // copies the bool and the double alike
  }
}

Json::Json(Json&& other) noexcept : type_(other.type_), integer_(other.integer_) {
  // The union's widest member carries whichever one is in use, pointers included.
  static_assert(sizeof(long long) >= sizeof(void*) && sizeof(long long) == sizeof(double));
  other.type_ = Type::Null;
}

Json& Json::operator=(Json other) noexcept {
  destroy();
  type_ = other.type_;
  integer_ = other.integer_;
  other.type_ = Type::Null;
  return *this;
}

Json::~Json() { destroy(); }

void Json::destroy() noexcept {
  switch (type_) {
    case Type::String:
      delete string_;
      break;
    case Type::Array:
      delete array_;
      break;
    case Type::Object:
      delete object_;
      break;
    default:
      break;
  }
  type_ = Type::Null;
}

double Json::asNumber() const {
  if (type_ == Type::Integer) return static_cast<double>(integer_);
  return type_ == Type::Number ? number_ : 0.0;
}

const std::string& Json::asString() const { return isString() ? *string_ : kNoText; }

std::size_t Json::size() const {
  if (isArray()) return array_->size();
  return isObject() ? object_->size() : 0;
}

const Json* Json::begin() const { return isArray() ? array_->data() : nullptr; }

const Json* Json::end() const { return isArray() ? array_->data() + array_->size() : nullptr; }

const Json& Json::operator[](std::size_t index) const { return index < size() && isArray() ? (*array_)[index] : kNull; }

Json& Json::operator[](std::size_t index) {
  if (!isArray()) *this = Json(Array());
  if (index >= array_->size()) array_->resize(index + 1);
  return (*array_)[index];
}

void Json::push_back(Json item) {
  if (isNull()) *this = Json(Array());
  if (isArray()) array_->push_back(std::move(item));
}

const Json* Json::find(std::string_view key) const {
  if (!isObject()) return nullptr;
  const auto at = std::lower_bound(object_->begin(), object_->end(), key, keyBefore);
  return at != object_->end() && at->first == key ? &at->second : nullptr;
}

const Json& Json::operator[](std::string_view key) const {
  const Json* found = find(key);
  return found ? *found : kNull;
}

Json& Json::operator[](std::string_view key) {
  if (!isObject()) *this = Json(Object());
  const auto at = std::lower_bound(object_->begin(), object_->end(), key, keyBefore);
  if (at != object_->end() && at->first == key) return at->second;
  return object_->emplace(at, std::string(key), Json())->second;
}

bool operator==(const Json& a, const Json& b) {
  if (a.isNumber() && b.isNumber())
    return a.isInteger() && b.isInteger() ? a.asInteger() == b.asInteger() : a.asNumber() == b.asNumber();
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Json::Type::Bool:
      return a.asBool() == b.asBool();
    case Json::Type::String:
      return a.asString() == b.asString();
    case Json::Type::Array:
      return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
    case Json::Type::Object:
      return a.members() == b.members();
    default:
      return true;  // both null
  }
}

const Json::Object& Json::members() const { return isObject() ? *object_ : kNoMembers; }

}  // namespace json
