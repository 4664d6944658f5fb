// code_listing.h: the whole computation as a short NumPy program with the learner's
// current numbers in it, and, as comments, what the core computed from them. Pasted into
// Python it prints the same weights and outputs, to rounding.
#pragma once

#include <string>

#include "lesson/model/state.h"
#include "lesson/model/trace.h"

namespace lesson {

// Empty when the trace could not be computed. The program leaves `W` and `out` (one head)
// or `heads` (a list of (W, out) pairs) and `out` (joined and mixed by W_O) behind. With the
// linear kernel (the linear step's comparison) the attention function is linear attention's,
// and `trace` must be computed with that kernel.
std::string numpyListing(const LessonState& state, const LessonTrace& trace,
                         core::Kernel kernel = core::Kernel::Softmax);

// True when the listing mixes the joined head outputs with W_O (several heads, or a W_O
// that is not the identity); `out` is then the trace's mixed output, else its joined one.
bool listingMixesHeads(const LessonState& state);

}  // namespace lesson
