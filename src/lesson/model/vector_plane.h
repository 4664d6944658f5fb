// vector_plane.h: which two dimensions a plane of arrows shows. Queries and keys live in d_k
// dimensions and values in d_v; a plane shows two of them, so by default it shows the two
// that matter most for the selected query.
#pragma once

#include <string>
#include <vector>

#include "lesson/model/state.h"
#include "lesson/model/trace.h"

namespace lesson {

struct PlaneAxes {
  int x = 0;
  int y = 1;  // equal to x when the vectors have a single dimension
};

// The two query/key dimensions that carry most of the query's scores: dimension d counts
// |q_d| times the sum over keys of w_j |k_jd|, with the weights of the head d belongs to.
// The lower-numbered of the two goes on the x axis.
PlaneAxes scoreAxes(const LessonTrace& trace, int query);
// The two value dimensions the query's output draws on most: the sum over keys of w_j |v_jd|.
PlaneAxes valueAxes(const LessonTrace& trace, int query);
// Names of the query/key columns (the embedding's names when W_K keeps them).
std::vector<std::string> keyColumnNames(const LessonState& state, const LessonTrace& trace);
// The part of q · k that the two shown dimensions carry: q_x k_x + q_y k_y (once when x == y).
float planeDot(const core::Matrix& queries, int query, const core::Matrix& keys, int key, PlaneAxes axes);

}  // namespace lesson
