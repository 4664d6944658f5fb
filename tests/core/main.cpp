// main.cpp: doctest runner shared by the core and lesson suites (native and wasm).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
