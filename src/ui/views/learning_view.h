// learning_view.h: the learning step's lab, and how the drivers report training back. The
// platform trains (the lab worker on the page, short slices of the UI thread on the desktop)
// and calls these between frames; reports of an older request are dropped.
#pragma once

#include <string>
#include <vector>

#include "ui/app_state.h"

namespace ui {

// Letters A.. for the model's tokens (the vocabulary is 16 tokens: A to P).
std::string tokenLetter(int token);
// "A B C D" or "abcd" to tokens, at most maxLength of them; "" or why not.
std::string parseTrainingTokens(const std::string& text, int vocabulary, int maxLength, std::vector<int>& tokens);

void trainingProgress(AppState& app, int request, const TrainingProgress& progress);
// The request ended (finished, paused, or failed with `error`); `last` is its final report.
void trainingFinished(AppState& app, int request, const TrainingProgress& last, const std::string& error);

void drawLearning(AppState& app);

}  // namespace ui
