// input.js: wheel, touch and text input for the canvas. Emscripten 3.1.6's GLFW passes raw
// pixel wheel deltas with the browser's sign and ignores touch positions, so both are handled
// here and handed to the module: wheel as scroll steps, a tap or a drag across a control as
// mouse events, and a swipe along the page (or any drag on empty space) as scrolling. Pasted text is handed over
// too, since that GLFW has no clipboard, and so is the browser's click count, so a double-
// click is one at the system's speed. Select-all and copy never reach the page's hidden text.
// While a lesson field is edited, a real text field takes the typing (see "Typed text").
(function () {
  'use strict';
  const canvas = document.getElementById('canvas');
  const field = document.getElementById('text-input');
  const LINE_PIXELS = 40;
  // The semantic mirror's elements (mirror.js) stand for the lesson's controls: keys on them are the lesson's.
  function inMirror(element) { return !!(element && element.closest && element.closest('#mirror')); }

  function started() { return typeof Module !== 'undefined' && Module.calledRun && Module._at_wheel; }

  function wheelSteps(event) {
    const scale = event.deltaMode === 1 ? 1 / 3 : event.deltaMode === 2 ? 1 : 1 / 100;
    return { x: -event.deltaX * scale, y: -event.deltaY * scale };
  }

  // Dear ImGui asks for the clipboard when it handles Ctrl+V; the browser only shares it
  // through this event, which comes right after the key press and before the next frame.
  // In the text field the browser would also insert the text itself: prevented, since Ctrl+V
  // pastes through Dear ImGui. A paste from a menu (a phone's long press) has no Ctrl+V, so
  // its text is typed in instead.
  document.addEventListener('paste', function (event) {
    if (!started() || !event.clipboardData) return;
    const text = event.clipboardData.getData('text/plain');
    Module.onPasteText(text);
    if (event.target !== field) return;
    event.preventDefault();
    if (!pasteByShortcut) sendText(text);
  });

  // The canvas is the lesson: select-all and copy belong to its fields, not to the page's
  // hidden text (the live regions), which the browser would otherwise select and copy too.
  window.addEventListener('keydown', function (event) {
    if ((event.target === canvas || inMirror(event.target)) && (event.ctrlKey || event.metaKey) &&
        (event.key === 'a' || event.key === 'A'))
      event.preventDefault();
  }, true);
  ['copy', 'cut'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (document.activeElement === canvas || document.activeElement === field || inMirror(document.activeElement))
        event.preventDefault();
    });
  });

  // Keys on the semantic mirror's elements go to the lesson, except those the mirror takes
  // itself (mirror.js: Home, End and the arrows in a field). Added before GLFW's listener.
  window.addEventListener('keydown', function (event) {
    if (inMirror(event.target) && Module.onMirrorKey && Module.onMirrorKey(event)) event.stopImmediatePropagation();
  }, true);

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

  // `count`: the press's click count (2: the second tap of a double tap), which the module takes
  // as the browser's own, so a double tap is one however slowly a busy page draws its frames.
  function mouse(type, touch, count) {
    canvas.dispatchEvent(new MouseEvent(type, { clientX: touch.clientX, clientY: touch.clientY, button: 0,
      buttons: type === 'mouseup' ? 0 : 1, detail: count || 0, bubbles: true, cancelable: true }));
  }
  // Taps counted as a mouse counts clicks: within DOUBLE_TAP_MS and a few pixels of the last.
  const DOUBLE_TAP_MS = 500;
  let lastTap = { time: -Infinity, x: 0, y: 0, count: 0 };
  function tapCount(g) {
    const near = Math.hypot(g.startX - lastTap.x, g.startY - lastTap.y) <= 2 * SLOP;
    const count = near && g.startTime - lastTap.time <= DOUBLE_TAP_MS ? lastTap.count + 1 : 1;
    lastTap = { time: g.startTime, x: g.startX, y: g.startY, count };
    return count;
  }

  // The control under a touch, from the registry of drawn controls, or null.
  function controlAt(touch) {
    if (!window.attentionTour) return null;
    try {
      return window.attentionTour.widgets().find(function (w) {
        return touch.clientX >= w.x && touch.clientX <= w.x + w.w && touch.clientY >= w.y && touch.clientY <= w.y + w.h;
      }) || null;
    } catch (e) { return null; }
  }

  // As in a phone's own apps, a finger that moves more than a few pixels is a scroll or a drag,
  // never a tap. On a control the touch waits ('pending') until it either lifts (a tap: press
  // and release where it began) or moves past SLOP: along the page it scrolls, across it (or
  // any way, on a vector's tip, which moves in two directions) it drags the control from where
  // the finger came down; a control taller than wide (a guess's bar) is dragged up and down, and a
  // swipe across it scrolls. A matrix cell, whose tables are often wider than a phone, is dragged
  // only after the finger rests on it for HOLD_MS: before that, any swipe on it pans. A touch
  // on empty space scrolls at once.
  const SLOP = 8;
  const HOLD_MS = 350;
  let gesture = null;  // {mode: 'pending' | 'press' | 'scroll', startX, startY, lastX, lastY, twoWay}
  // A finger leaves no pointer behind: a while after it lifts (long enough to see what it
  // pressed, and for the second tap of a double tap), the pointer moves off the lesson, so no
  // tooltip or hover stays on screen.
  const LINGER_MS = 600;
  let lingerTimer = 0;
  window.addEventListener('touchstart', function (event) {
    if (event.target !== canvas || !started() || event.touches.length !== 1) return;
    clearTimeout(lingerTimer);
    const t = event.touches[0];
    const control = controlAt(t);
    const g = { mode: control ? 'pending' : 'scroll', startX: t.clientX, startY: t.clientY, lastX: t.clientX,
      lastY: t.clientY, twoWay: !!control && /^vec-/.test(control.id), upright: !!control && control.h > 2 * control.w,
      cell: !!control && /\[\d+\]\[\d+\]$/.test(control.id), startTime: event.timeStamp };
    gesture = g;
    if (g.mode === 'scroll') pointAtStart(g);
    event.stopPropagation();
    event.preventDefault();
  }, { capture: true, passive: false });

  // Dear ImGui scrolls the panel under the pointer: it goes where the finger came down.
  function pointAtStart(g) { mouse('mousemove', { clientX: g.startX, clientY: g.startY }); }

  function press(g, count) {
    const start = { clientX: g.startX, clientY: g.startY };
    mouse('mousemove', start);
    mouse('mousedown', start, count);
    g.mode = 'press';
  }

  window.addEventListener('touchmove', function (event) {
    if (!gesture || event.target !== canvas) return;
    const t = event.touches[0];
    if (gesture.mode === 'pending') {
      const dx = t.clientX - gesture.startX, dy = t.clientY - gesture.startY;
      if (Math.hypot(dx, dy) > SLOP) {
        // When the finger moved, by the events' own clocks: a page busy drawing handles them
        // late, which must not turn a quick swipe into a rest.
        const rested = event.timeStamp - gesture.startTime >= HOLD_MS;
        const along = gesture.upright ? Math.abs(dy) > Math.abs(dx) : Math.abs(dx) > Math.abs(dy);
        if (gesture.cell ? rested : gesture.twoWay || along) press(gesture);
        else {
          gesture.mode = 'scroll';
          pointAtStart(gesture);
        }
        gesture.lastX = gesture.startX;
        gesture.lastY = gesture.startY;
      }
    }
    if (gesture.mode === 'press') mouse('mousemove', t);
    else if (gesture.mode === 'scroll') {
      Module._at_wheel((t.clientX - gesture.lastX) / LINE_PIXELS, (t.clientY - gesture.lastY) / LINE_PIXELS);
    }
    if (gesture.mode !== 'pending') {
      gesture.lastX = t.clientX;
      gesture.lastY = t.clientY;
    }
    event.stopPropagation();
    event.preventDefault();
  }, { capture: true, passive: false });

  function end(event) {
    if (!gesture || event.target !== canvas) return;
    const t = event.changedTouches[0];
    const tapped = gesture.mode === 'pending' && event.type === 'touchend';
    if (tapped) press(gesture, tapCount(gesture));
    if (gesture.mode === 'press') mouse('mouseup', tapped ? { clientX: gesture.startX, clientY: gesture.startY } : t);
    // iOS opens its keyboard only for a focus given during a touch: a tap on the field being
    // edited gives it (the tap that starts an edit is seen by the module only a frame later).
    if (gesture.mode === 'press' && textWanted) field.focus({ preventScroll: true });
    lingerTimer = setTimeout(function () {
      if (!gesture) mouse('mousemove', { clientX: -100000, clientY: -100000 });
    }, LINGER_MS);
    gesture = null;
    event.stopPropagation();
    event.preventDefault();
  }
  window.addEventListener('touchend', end, { capture: true, passive: false });
  window.addEventListener('touchcancel', end, { capture: true, passive: false });

  // ---- Typed text ----
  // That GLFW takes characters from keypress events only. Text that an IME composes, a dead
  // key builds (´ then e), a phone keyboard commits or a script inserts comes only as `input`
  // events of an editable element, which the canvas is not: it was lost ("café" gave "caf").
  // So while Dear ImGui edits a field (Module.onTextSpot, after a frame), a real text field
  // over it, at its caret, has the focus; its text goes to the module and is cleared. Keys
  // still reach GLFW, which listens on the window: Backspace, Enter, Escape, arrows, Tab and
  // shortcuts act as before.
  let textWanted = false;
  let composing = false;
  let pasteByShortcut = false;  // Ctrl/Cmd+V: Dear ImGui pastes, the field must not
  let returnTo = null;  // what had the focus when an edit began

  // The page's policy forbids inline styles, not styles set from a script. Invisible and
  // click-through, except while an IME composes, so the draft shows where it will land.
  field.style.cssText = 'position:fixed;margin:0;padding:0;border:0;outline:none;box-sizing:border-box;' +
    'opacity:0;pointer-events:none;z-index:1;background:#edf0f5;color:#1a1c21;font-family:inherit;white-space:pre';

  function sendText(text) {
    if (!text || !started()) return;
    const size = Module.lengthBytesUTF8(text) + 1;
    const pointer = Module._malloc(size);
    if (!pointer) return;
    Module.stringToUTF8(text, pointer, size);
    Module._at_type_text(pointer);
    Module._free(pointer);
  }

  // spot: {wanted, numeric, x, y, w, h, lineHeight} in CSS pixels of the canvas (main_web.cpp).
  // A number asks a phone for its numeric keyboard, a name for the full one.
  Module.onTextSpot = function (spot) {
    textWanted = spot.wanted;
    field.inputMode = spot.numeric ? 'decimal' : 'text';
    if (!spot.wanted) {
      // Back where the edit began: the canvas, without the focus outline (for the learner the
      // focus never left the lesson), or the mirror's element a screen reader was on.
      if (document.activeElement === field) {
        // The mirror may have rebuilt its elements meanwhile: the new one for the same control.
        let back = returnTo;
        if (back && !back.isConnected && back.dataset && back.dataset.id && Module.mirrorElement)
          back = Module.mirrorElement(back.dataset.id);
        if (!back || !back.isConnected) back = canvas;
        back.focus({ preventScroll: true, focusVisible: false });
      }
      returnTo = null;
      field.value = '';
      field.hidden = true;
      return;
    }
    field.hidden = false;
    const size = Math.max(16, spot.lineHeight);  // iOS zooms into a field with smaller text
    const rect = canvas.getBoundingClientRect();
    Object.assign(field.style, { left: rect.left + spot.x + 'px', top: rect.top + spot.y + 'px',
      width: Math.max(1, spot.w) + 'px', height: Math.max(size, spot.h) + 'px', fontSize: size + 'px' });
    if (document.activeElement !== field) {
      returnTo = document.activeElement && document.activeElement !== document.body ? document.activeElement : null;
      // Named after what is edited ("X, row 2 "bank", column 1: ..."), when a mirror's element began it.
      const what = returnTo && (returnTo.title || returnTo.getAttribute('aria-label'));
      field.setAttribute('aria-label', what ? 'New value for ' + what : 'Text being edited');
      field.focus({ preventScroll: true });
    }
  };

  field.addEventListener('compositionstart', function () {
    composing = true;
    field.style.opacity = 1;
  });
  field.addEventListener('compositionend', function (event) {
    composing = false;
    field.style.opacity = 0;
    sendText(event.data);
    field.value = '';
  });
  // Typed, autocorrected or committed text; not a paste (see 'paste'), a line break or a
  // deletion, which come as keys.
  field.addEventListener('input', function (event) {
    if (composing || event.isComposing) return;  // a draft, not yet committed
    const type = event.inputType;
    if (!type || /^insert(?!From(Paste|Drop|Yank)|LineBreak|Paragraph)/.test(type)) sendText(field.value);
    field.value = '';
  });
  // A key typed in the field comes as the field's text, so GLFW must not take it as well.
  // Added as the page loads, before GLFW adds its listener, so this one runs first.
  window.addEventListener('keypress', function (event) {
    if (event.target === field) event.stopImmediatePropagation();
  }, true);
  window.addEventListener('keydown', function (event) {
    if (((event.ctrlKey || event.metaKey) && (event.key === 'v' || event.key === 'V')) ||
        (event.shiftKey && event.key === 'Insert')) {
      pasteByShortcut = true;
      setTimeout(function () { pasteByShortcut = false; }, 0);  // its paste event comes in this task
    }
  }, true);
  // A press on the canvas keeps the focus in the field; if it ends the edit, the next frame
  // gives the focus back.
  window.addEventListener('mousedown', function (event) {
    if (event.target === canvas && document.activeElement === field) event.preventDefault();
  }, true);
})();
