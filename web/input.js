// input.js: wheel and touch input for the canvas. Emscripten 3.1.6's GLFW passes raw pixel
// wheel deltas with the browser's sign and ignores touch positions, so both are handled
// here and handed to the module: wheel as scroll steps, touches on a control as mouse
// events, and a drag that starts on empty space as scrolling. Pasted text is handed over
// too, since that GLFW has no clipboard, and so is the browser's click count, so a double-
// click is one at the system's speed. Select-all and copy never reach the page's hidden text.
(function () {
  'use strict';
  const canvas = document.getElementById('canvas');
  const LINE_PIXELS = 40;

  function started() { return typeof Module !== 'undefined' && Module.calledRun && Module._at_wheel; }

  function wheelSteps(event) {
    const scale = event.deltaMode === 1 ? 1 / 3 : event.deltaMode === 2 ? 1 : 1 / 100;
    return { x: -event.deltaX * scale, y: -event.deltaY * scale };
  }

  // Dear ImGui asks for the clipboard when it handles Ctrl+V; the browser only shares it
  // through this event, which comes right after the key press and before the next frame.
  document.addEventListener('paste', function (event) {
    if (!started() || !event.clipboardData) return;
    Module.onPasteText(event.clipboardData.getData('text/plain'));
  });

  // The canvas is the lesson: select-all and copy belong to its fields, not to the page's
  // hidden text (the live regions), which the browser would otherwise select and copy too.
  window.addEventListener('keydown', function (event) {
    if (event.target === canvas && (event.ctrlKey || event.metaKey) && (event.key === 'a' || event.key === 'A'))
      event.preventDefault();
  }, true);
  ['copy', 'cut'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (document.activeElement === canvas) event.preventDefault();
    });
  });

  // The browser counts clicks at the system's double-click speed; the module uses its count.
  window.addEventListener('mousedown', function (event) {
    if (event.target === canvas && started()) Module._at_note_click_count(event.detail | 0);
  }, true);

  window.addEventListener('wheel', function (event) {
    if (event.target !== canvas || !started()) return;
    const steps = wheelSteps(event);
    Module._at_wheel(steps.x, steps.y);
    event.stopPropagation();
    event.preventDefault();
  }, { capture: true, passive: false });

  function mouse(type, touch) {
    canvas.dispatchEvent(new MouseEvent(type, { clientX: touch.clientX, clientY: touch.clientY, button: 0,
      buttons: type === 'mouseup' ? 0 : 1, bubbles: true, cancelable: true }));
  }

  function onControl(touch) {
    if (!window.attentionTour) return false;
    try {
      return window.attentionTour.widgets().some(function (w) {
        return touch.clientX >= w.x && touch.clientX <= w.x + w.w && touch.clientY >= w.y && touch.clientY <= w.y + w.h;
      });
    } catch (e) { return false; }
  }

  let gesture = null;  // {mode: 'press' | 'scroll', lastY, lastX}
  window.addEventListener('touchstart', function (event) {
    if (event.target !== canvas || !started() || event.touches.length !== 1) return;
    const t = event.touches[0];
    gesture = { mode: onControl(t) ? 'press' : 'scroll', lastX: t.clientX, lastY: t.clientY };
    mouse('mousemove', t);
    if (gesture.mode === 'press') mouse('mousedown', t);
    event.stopPropagation();
    event.preventDefault();
  }, { capture: true, passive: false });

  window.addEventListener('touchmove', function (event) {
    if (!gesture || event.target !== canvas) return;
    const t = event.touches[0];
    if (gesture.mode === 'press') mouse('mousemove', t);
    else Module._at_wheel((t.clientX - gesture.lastX) / LINE_PIXELS, (t.clientY - gesture.lastY) / LINE_PIXELS);
    gesture.lastX = t.clientX;
    gesture.lastY = t.clientY;
    event.stopPropagation();
    event.preventDefault();
  }, { capture: true, passive: false });

  function end(event) {
    if (!gesture || event.target !== canvas) return;
    const t = event.changedTouches[0];
    if (gesture.mode === 'press') mouse('mouseup', t);
    gesture = null;
    event.stopPropagation();
    event.preventDefault();
  }
  window.addEventListener('touchend', end, { capture: true, passive: false });
  window.addEventListener('touchcancel', end, { capture: true, passive: false });
})();
