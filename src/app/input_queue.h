// input_queue.h: keys, characters and mouse buttons from the platform, queued and applied to
// Dear ImGui 1.86 so that no key or button changes twice in one frame: 1.86 polls key state,
// so a press and release arriving between two frames (a fast typist, an automated test)
// would otherwise be lost. A later Dear ImGui, with its own event queue, changes this file.
#pragma once

#include <cstdint>
#include <deque>

struct GLFWwindow;

namespace app {

struct Runtime;

struct InputEvent {
  enum class Kind { Character, Key, MouseButton } kind = Kind::Key;
  unsigned int character = 0;
  int key = 0;  // GLFW key, or mouse button index
  bool down = false;
  int mods = 0;
  float x = 0, y = 0;  // pointer position at a mouse button event
  int clickCount = 0;  // the platform's count for a press (2: a double-click), 0 if unknown
  double time = 0;     // glfwGetTime() when the event arrived
};

struct InputQueue {
  std::deque<InputEvent> pending;
  bool mouseDown[5] = {};       // button state as applied from the queue
  double lastAppliedTime = -1;  // arrival time of the last event handed to Dear ImGui
  int nextClickCount = 0;       // the browser's click count for the press about to arrive
  uint64_t dropped = 0;         // presses dropped because the queue was full
};

// Replaces the GLFW backend's key, character and mouse button callbacks with the queue.
// The window's user pointer is the Runtime.
void installInputQueue(GLFWwindow* window);
// After the backend's NewFrame: applies as many queued events as can share this frame.
void applyQueuedInput(Runtime& runtime);
// Keys Dear ImGui holds down now (a stuck key shows here).
int heldKeyCount();

}  // namespace app
