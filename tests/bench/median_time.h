// median_time.h: the benchmarks' one way to time a piece of work: the median of several runs,
// in milliseconds, so one slow run on a shared machine does not move the figure.
#pragma once

#include <algorithm>
#include <chrono>
#include <vector>

template <typename Body>
double medianMs(int repetitions, Body body) {
  std::vector<double> times;
  for (int r = 0; r < repetitions; ++r) {
    const auto start = std::chrono::steady_clock::now();
    body();
    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}
