// json.h: a small JSON value: null, true/false, whole numbers, other numbers, text,
// arrays and objects. Small on purpose: the page carries every byte of it. Reading never
// throws and refuses what is not JSON (bad UTF-8, numbers out of range, nesting deeper than
// kMaxJsonDepth); writing gives compact text with object keys in sorted order and each
// number as the shortest decimal that reads back as the same double.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace json {

// Deeper than any record the lesson writes (three levels), shallow enough that reading
// recursively can never exhaust the stack.
constexpr int kMaxJsonDepth = 64;

// `text` as a JSON string, quotes included, appended to `out` (what dump() writes for a string).
void appendQuoted(std::string& out, const std::string& text);

class Json {
 public:
  enum class Type : unsigned char { Null, Bool, Integer, Number, String, Array, Object };
  using Array = std::vector<Json>;
  using Member = std::pair<std::string, Json>;
  using Object = std::vector<Member>;  // sorted by key, each key once

  Json() {}
  Json(std::nullptr_t) {}
  Json(bool value) : type_(Type::Bool), boolean_(value) {}
  Json(int value) : Json(static_cast<long long>(value)) {}
  Json(long value) : Json(static_cast<long long>(value)) {}
  Json(long long value) : type_(Type::Integer), integer_(value) {}
  Json(unsigned value) : Json(static_cast<long long>(value)) {}
  Json(unsigned long value) : Json(static_cast<long long>(value)) {}
  Json(unsigned long long value) : Json(static_cast<long long>(value)) {}
  Json(double value) : type_(Type::Number), number_(value) {}
  Json(float value) : Json(static_cast<double>(value)) {}
  Json(const char* text) : Json(std::string(text)) {}
  Json(std::string text);
  Json(const std::set<std::string>& texts);
  template <typename T>
  Json(const std::vector<T>& items) : Json(Array()) {
    array_->reserve(items.size());
    for (const auto& item : items) array_->emplace_back(item);
  }
  Json(Array items);
  // Members in any order; a key given twice keeps its last value.
  explicit Json(Object members);

  // Json::object({{"key", value}, ...}); a key given twice keeps its last value.
  static Json object(std::initializer_list<std::pair<std::string_view, Json>> members = {});
  static Json array(std::initializer_list<Json> items = {});
  // The value, or nothing when `text` is not one whole JSON value.
  static std::optional<Json> parse(std::string_view text);

  Json(const Json& other);
  Json(Json&& other) noexcept;
  Json& operator=(Json other) noexcept;
  ~Json();

  Type type() const { return type_; }
  bool isNull() const { return type_ == Type::Null; }
  bool isBool() const { return type_ == Type::Bool; }
  bool isInteger() const { return type_ == Type::Integer; }
  bool isNumber() const { return type_ == Type::Integer || type_ == Type::Number; }
  bool isString() const { return type_ == Type::String; }
  bool isArray() const { return type_ == Type::Array; }
  bool isObject() const { return type_ == Type::Object; }

  // Each is the value when the type matches, else false, 0 or "".
  bool asBool() const { return type_ == Type::Bool && boolean_; }
  long long asInteger() const { return type_ == Type::Integer ? integer_ : 0; }
  double asNumber() const;
  const std::string& asString() const;

  // Arrays: the items; objects: the members; anything else: 0.
  std::size_t size() const;
  bool empty() const { return size() == 0; }
  // Array items (an empty range for anything else).
  const Json* begin() const;
  const Json* end() const;
  const Json& operator[](std::size_t index) const;  // a null past the end
  void push_back(Json item);                        // a null becomes an array first
  Json& operator[](std::size_t index);              // a non-array becomes an array; grows with nulls

  // Object members.
  const Json* find(std::string_view key) const;  // nullptr when absent
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  const Json& operator[](std::string_view key) const;  // a null when absent
  Json& operator[](std::string_view key);              // adds a null member; a non-object becomes an object
  const Object& members() const;

  // Compact JSON text. Numbers that are not finite are written as null (JSON has no
  // infinity); bytes of text that are not UTF-8 become U+FFFD.
  std::string dump() const;

 private:
  void destroy() noexcept;

  Type type_ = Type::Null;
  union {
    bool boolean_;
    long long integer_ = 0;
    double number_;
    std::string* string_;
    Array* array_;
    Object* object_;
  };
};

// Deep equality; numbers compare by value, so 1 equals 1.0 (and v == "text" compares text).
bool operator==(const Json& a, const Json& b);
inline bool operator!=(const Json& a, const Json& b) { return !(a == b); }

}  // namespace json
