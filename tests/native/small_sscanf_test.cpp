// small_sscanf_test.cpp: the page's small sscanf (src/app/web/small_sscanf.cpp) against the C
// library's, on the formats Dear ImGui passes and on text a learner might type.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

extern "C" int __wrap_sscanf(const char* text, const char* format, ...);

TEST_CASE("number fields: %d and %f read what sscanf reads, and fail where it fails") {
  for (const std::string text :
       {"12", " -7", "+3", "42abc", "0x1A", "", "abc", " ", "2147483647", "-0", "1e3", "3.5"}) {
    CAPTURE(text);
    int ours = -99, theirs = -99;
    const int oursCount = __wrap_sscanf(text.c_str(), "%d", &ours),
              theirsCount = std::sscanf(text.c_str(), "%d", &theirs);
    CHECK(oursCount == theirsCount);
    CHECK(ours == theirs);
  }
  for (const std::string text : {"0.25", "-1.5e2", " 7", "1e-3x", ".5", "abc", "", "-", "3.4e38", "1e-45", "0x10"}) {
    CAPTURE(text);
    float ours = -99, theirs = -99;
    const int oursCount = __wrap_sscanf(text.c_str(), "%f", &ours),
              theirsCount = std::sscanf(text.c_str(), "%f", &theirs);
    CHECK(oursCount == theirsCount);
    CHECK(ours == theirs);
    double oursDouble = -99, theirsDouble = -99;
    CHECK(__wrap_sscanf(text.c_str(), "%lf", &oursDouble) == std::sscanf(text.c_str(), "%lf", &theirsDouble));
    CHECK(oursDouble == theirsDouble);
  }
}

TEST_CASE("the settings formats: literal text, several fields, %X, %c and %n") {
  int x = 0, y = 0, n = 0, r = 0, tx = 0, ty = 0, tn = 0, tr = 0;
  CHECK(__wrap_sscanf("Pos=60,-12", "Pos=%i,%i", &x, &y) == std::sscanf("Pos=60,-12", "Pos=%i,%i", &tx, &ty));
  CHECK((x == tx && y == ty));
  CHECK(__wrap_sscanf("Size=60", "Pos=%i,%i", &x, &y) == 0);
  unsigned id = 0, tid = 0;
  CHECK(__wrap_sscanf("0x0000BEEF,3", "0x%08X,%d", &id, &n) == std::sscanf("0x0000BEEF,3", "0x%08X,%d", &tid, &tn));
  CHECK((id == tid && n == tn));
  CHECK(__wrap_sscanf("Column 4  Width=10", "Column %d%n", &n, &r) ==
        std::sscanf("Column 4  Width=10", "Column %d%n", &tn, &tr));
  CHECK((n == tn && r == tr));
  char c = 0, tc = 0;
  CHECK(__wrap_sscanf("Sort=2^ x", "Sort=%d%c%n", &n, &c, &r) ==
        std::sscanf("Sort=2^ x", "Sort=%d%c%n", &tn, &tc, &tr));
  CHECK((n == tn && c == tc && r == tr));
  float f = 0, tf = 0;
  CHECK(__wrap_sscanf("RefScale=13.5", "RefScale=%f", &f) == std::sscanf("RefScale=13.5", "RefScale=%f", &tf));
  CHECK(f == tf);
  CHECK(__wrap_sscanf("100%", "%d%%", &n) == 1);
  CHECK(__wrap_sscanf("5", "%q", &n) == 0);                                  // a conversion it does not know stops it
  CHECK(__wrap_sscanf("", "Pos=%i", &x) == std::sscanf("", "Pos=%i", &tx));  // EOF: nothing to read
}
