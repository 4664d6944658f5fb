// compute_main.cpp: `attention-compute`, the native twin of attentionTour.compute():
// reads one JSON request on stdin, prints the JSON reply. Used by the numpy cross-check.
#include <iostream>
#include <iterator>
#include <string>

#include "lesson/io/compute_api.h"

int main() {
  const std::string request((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  const std::string reply = lesson::computeText(request);
  std::cout << reply << "\n";
  return reply.rfind("{\"error\"", 0) == 0 ? 1 : 0;
}
