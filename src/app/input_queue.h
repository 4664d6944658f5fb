// input_queue.h: keys, characters and mouse buttons from the platform, queued and applied to
// Dear ImGui 1.86 so that no key or button changes twice in one frame: 1.86 polls key state,
// so a press and release arriving between two frames (a fast typist, an automated test)
// would otherwise be lost. A later Dear ImGui, with its own event queue, changes this file.
#pragma once

#include <bitset>
#include <cstdint>
#include <deque>
#include <string>

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
  bool mouseDown[5] = {};  // button state as applied from the queue
  // Key state as applied from the queue. Not Dear ImGui's KeysDown, which the lesson's keyboard
  // code clears for keys it takes itself (Tab, the arrows): read from there, a release after
  // such a key looked like no change, the next press shared its frame, and the press was lost.
  std::bitset<512> keyDown;
  double lastAppliedTime = -1;  // arrival time of the last event handed to Dear ImGui
  int nextClickCount = 0;       // the browser's click count for the press about to arrive
  uint64_t dropped = 0;         // presses dropped because the queue was full
};

// Replaces the GLFW backend's key, character and mouse button callbacks with the queue.
// The window's user pointer is the Runtime.
void installInputQueue(GLFWwindow* window);
// Text the platform delivers as text rather than as key presses (the page's hidden text field:
// an IME's composed text, a dead key's accented letter, a phone keyboard's word), UTF-8. Each
// character joins the queue as if GLFW had reported it, in order with the keys around it.
// (Dear ImGui 1.86 as built here holds 16-bit characters: one beyond U+FFFF, an emoji,
// becomes U+FFFD in the field; IMGUI_USE_WCHAR32 for every ImGui unit would keep it.)
void queueText(Runtime& runtime, const std::string& utf8);
// After the backend's NewFrame: applies as many queued events as can share this frame.
void applyQueuedInput(Runtime& runtime);
// Keys Dear ImGui holds down now (a stuck key shows here).
int heldKeyCount();

}  // namespace app
