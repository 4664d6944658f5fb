// mirror.js: the lesson as a page a screen reader walks. The canvas is one picture to a screen
// reader; beside it, this keeps real elements in step with what the frame draws: the step's
// title as a heading, its text as paragraphs, each control as an element of its role with its
// state, each matrix as a table with its row and column names, each picture with its text
// alternative. The module sends what it drew (src/app/web/page_mirror.cpp) after a change;
// each element is placed over the canvas where its thing is drawn, invisible, and leaves every
// pointer event to the canvas. Keyboard focus is one focus: an element that takes the browser's
// focus moves the lesson's focus ring there (at_mirror_focus), and the ring moving moves the
// browser's focus to its element. Keys pressed on an element reach the lesson as they would on
// the canvas; a screen reader's click presses the control (at_mirror_press). Loaded after the
// first frame (web/attention-tour-api/30-page-hooks.js), not with the page.
(function () {
  'use strict';
  const root = document.getElementById('mirror');
  const canvas = document.getElementById('canvas');
  if (!root || typeof Module === 'undefined') return;
  let structure = '';      // what the elements stand for, without their places
  let placed = new Map();  // data-id or node index -> element, for moving them only
  let following = false;   // the page itself is moving the browser's focus
  let focusedId = '';      // the lesson's focused control, as last heard
  let shown = [];          // the nodes the elements stand for, in reading order

  function call(name, id) {
    try { Module.ccall(name, null, ['string'], [String(id).slice(0, 200)]); } catch (e) { /* the module stopped */ }
  }

  // The role is the element's; its spoken label names it too ("Next step, button"), which a
  // screen reader would then say twice.
  const ROLE_WORDS = /, (button|toggle button|checkbox|text field|text box|number field|slider|bar|list|section heading|option)(?=$|[,:.])/i;
  // A checkbox, slider or number field carries its state or value in its own attributes: its
  // name is what comes before the role ("Temperature", not "Temperature, 1.21" and then 1.21).
  const STATED = ['toggle', 'slider', 'number'];
  function nameOf(node) {
    const found = ROLE_WORDS.exec(node.text);
    if (found && STATED.indexOf(node.role) >= 0) return node.text.slice(0, found.index);
    return node.text.replace(ROLE_WORDS, '');
  }
  // What follows the value in such a label ("drag it or use the arrow keys"): its description.
  function hintOf(node) {
    const found = ROLE_WORDS.exec(node.text);
    if (!found || STATED.indexOf(node.role) < 0) return '';
    const rest = node.text.slice(found.index + found[0].length);
    const colon = rest.indexOf(': ');
    return colon >= 0 ? rest.slice(colon + 2) : '';
  }

  function place(element, node) {
    element.style.left = node.x + 'px';
    element.style.top = node.y + 'px';
    element.style.width = Math.max(1, node.w) + 'px';
    element.style.height = Math.max(1, node.h) + 'px';
  }

  function itemElement(node) {
    let element;
    const role = node.role;
    if (['button', 'option', 'section', 'disclosure', 'list', 'point'].indexOf(role) >= 0) {
      element = document.createElement('button');
      element.type = 'button';
      if (role === 'option') element.setAttribute('aria-pressed', node.on ? 'true' : 'false');
      if (role === 'section' || role === 'disclosure') element.setAttribute('aria-expanded', node.on ? 'true' : 'false');
      if (role === 'list') element.setAttribute('aria-haspopup', 'listbox');
    } else {
      element = document.createElement('div');
      const roles = { toggle: 'checkbox', slider: 'slider', number: 'spinbutton', textfield: 'textbox', picture: 'img' };
      element.setAttribute('role', roles[role] || 'button');
      if (role === 'toggle') element.setAttribute('aria-checked', node.on ? 'true' : 'false');
      if ((role === 'slider' || role === 'number') && node.value !== undefined) {
        const number = Number(node.value);
        if (Number.isFinite(number)) element.setAttribute('aria-valuenow', String(number));
        element.setAttribute('aria-valuetext', node.value);
      }
      // Its range, so the value is heard as a place in it (without, a slider reads as 0 to 100).
      if (node.low !== undefined) element.setAttribute('aria-valuemin', String(Number(node.low)));
      if (node.high !== undefined) element.setAttribute('aria-valuemax', String(Number(node.high)));
    }
    element.setAttribute('aria-label', nameOf(node));
    const hint = hintOf(node);
    if (hint) element.setAttribute('aria-description', hint);
    if (node.disabled) element.setAttribute('aria-disabled', 'true');
    return element;
  }

  function tableElement(node) {
    const table = document.createElement('table');
    if (node.text) table.createCaption().textContent = node.text;
    const head = table.createTHead().insertRow();
    if (node.rows.length) {
      table.dataset.rowNames = '1';
      head.appendChild(document.createElement('td'));
    }
    node.cols.forEach(function (name) {
      // A column without a name (a table's corner) is no header.
      const th = document.createElement(name ? 'th' : 'td');
      if (name) th.scope = 'col';
      th.textContent = name;
      head.appendChild(th);
    });
    const body = table.createTBody();
    const rowCount = node.rows.length || Math.ceil(node.cells.length / Math.max(1, node.cols.length));
    for (let i = 0; i < rowCount; ++i) {
      const row = body.insertRow();
      if (node.rows.length) {
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = node.rows[i];
        row.appendChild(th);
      }
      for (let j = 0; j < node.cols.length; ++j) {
        const cell = row.insertCell();
        const text = node.cells[i * node.cols.length + j];
        if (text !== undefined) cell.textContent = text;
      }
    }
    return table;
  }

  // A matrix's cell item goes into its table, "Q[1][2]" at row 1, column 2.
  function cellOf(tables, id) {
    const match = /^(.*)\[(\d+)\]\[(\d+)\]$/.exec(id);
    const table = match && tables.get(match[1]);
    if (!table) return null;
    const row = table.tBodies[0].rows[Number(match[2])];
    return row ? row.cells[Number(match[3]) + (table.dataset.rowNames ? 1 : 0)] || null : null;
  }

  function rebuild(nodes, ringId) {
    const hadFocus = root.contains(document.activeElement);
    const activeId = hadFocus ? document.activeElement.getAttribute('data-id') : null;
    const lost = activeId ? shown.find(function (n) { return n.kind === 'item' && n.id === activeId; }) : null;
    shown = nodes;
    root.textContent = '';
    placed = new Map();
    const tables = new Map();
    nodes.forEach(function (node, index) {
      let element;
      if (node.kind === 'heading') element = document.createElement('h1');
      else if (node.kind === 'subheading') element = document.createElement('h2');
      else if (node.kind === 'text') element = document.createElement('p');
      else if (node.kind === 'picture') {
        element = document.createElement('div');
        element.setAttribute('role', 'img');
        element.setAttribute('aria-label', node.text);
      } else if (node.kind === 'table') {
        element = tableElement(node);
        if (node.id) tables.set(node.id, element);
      } else if (node.role === 'cell') {
        const cell = cellOf(tables, node.id);
        if (cell) {
          cell.textContent = node.value !== undefined ? node.value : nameOf(node);
          cell.title = node.text;  // its description: which cell, and that Enter types a new value
          cell.tabIndex = -1;
          cell.setAttribute('data-id', node.id);
          placed.set(node.id, cell);
          return;
        }
        element = itemElement(node);
      } else element = itemElement(node);
      if (node.kind === 'heading' || node.kind === 'subheading' || node.kind === 'text') element.textContent = node.text;
      if (node.kind === 'item') {
        element.tabIndex = -1;
        element.setAttribute('data-id', node.id);
      }
      element.className = 'mirror-node';
      place(element, node);
      placed.set(node.kind === 'item' ? node.id : '#' + index, element);
      root.appendChild(element);
    });
    // The focus stays in the mirror: on the same control, else where the lesson's ring is, else
    // (a control that went away, and the lesson handed its keyboard to none) on the next
    // control below where it was, in the same part of the screen, which the ring joins; only
    // then on the step's title.
    if (hadFocus && !(activeId && focusElement(activeId)) && !(ringId && focusElement(ringId)) && !focusBelow(lost)) {
      const title = root.querySelector('h1');
      if (title) {
        title.tabIndex = -1;
        following = true;
        title.focus({ preventScroll: true });
        following = false;
      }
    }
  }

  function focusBelow(lost) {
    if (!lost) return false;
    const next = shown.find(function (n) {
      return n.kind === 'item' && !n.disabled && n.part === lost.part && n.y >= lost.y && placed.has(n.id);
    });
    if (!next || !focusElement(next.id)) return false;
    focusedId = next.id;
    call('at_mirror_focus', next.id);
    return true;
  }

  function move(nodes) {
    nodes.forEach(function (node, index) {
      const element = placed.get(node.kind === 'item' ? node.id : '#' + index);
      if (element && element.classList.contains('mirror-node')) place(element, node);
    });
  }

  function elementOf(id) { return root.querySelector('[data-id="' + CSS.escape(id) + '"]'); }
  function focusElement(id) {
    const element = elementOf(id);
    if (!element) return false;
    if (document.activeElement === element) return true;
    following = true;
    element.focus({ preventScroll: true });
    following = false;
    return true;
  }
  Module.mirrorElement = elementOf;

  // Reading order is Tab's order of the screen's parts (header, step text, views, settings,
  // step dots), whatever the layout drew first.
  // The module's positional arrays (page_mirror.cpp), named.
  const KINDS = ['item', 'heading', 'subheading', 'text', 'table', 'picture'];
  const ROLES = ['button', 'option', 'toggle', 'section', 'disclosure', 'list', 'slider', 'number', 'textfield', 'cell', 'point', 'picture'];
  function named(a) {
    return { kind: KINDS[a[0]], role: ROLES[a[1]], on: a[2] === 1, value: a[3] === '' ? undefined : a[3], part: a[4],
      id: a[5], text: a[6], x: a[7], y: a[8], w: a[9], h: a[10], rows: a[11], cols: a[12], cells: a[13],
      disabled: a[14] === 1, low: a[15] === '' ? undefined : a[15], high: a[16] === '' ? undefined : a[16] };
  }

  Module.onMirror = function (text) {
    const data = JSON.parse(text);
    const nodes = data.nodes.map(function (array, index) { return { node: named(array), index: index }; })
      .sort(function (a, b) { return a.node.part - b.node.part || a.index - b.index; })
      .map(function (entry) { return entry.node; });
    const shape = JSON.stringify(nodes.map(function (n) {
      return [n.kind, n.role, n.on, n.value, n.id, n.text, n.rows, n.cols, n.cells, n.low, n.high];
    }));
    if (shape === structure) move(nodes);
    else {
      structure = shape;
      rebuild(nodes, data.focused);
    }
    root.setAttribute('data-step', String(data.step));
    if (data.focused) focusedId = data.focused;
  };

  // The lesson's focus ring moved (Tab on the canvas or on an element): while the browser's
  // focus is in the mirror, it follows. True when it did, so the page need not announce it too.
  // From the page itself (nothing focused yet) or the canvas too: Tab there moves the ring, and
  // the browser's focus joins it, so one focus is all a screen reader has to follow.
  Module.onMirrorFocus = function (id) {
    focusedId = id;
    const active = document.activeElement;
    if (active && active !== document.body && active !== canvas && !root.contains(active)) return false;
    if (focusElement(id)) return true;
    // A control not in the mirror yet (it appeared with this change): the rebuild that follows
    // puts the browser's focus on it, where the screen reader hears it once.
    return root.contains(active);
  };

  root.addEventListener('focusin', function (event) {
    const id = event.target.getAttribute && event.target.getAttribute('data-id');
    if (!id || following || id === focusedId) return;
    focusedId = id;
    call('at_mirror_focus', id);
  });
  // A screen reader's click (in its browse mode keys do not reach the page).
  root.addEventListener('click', function (event) {
    const element = event.target.closest ? event.target.closest('[data-id]') : null;
    if (!element) return;
    const id = element.getAttribute('data-id');
    focusedId = id;  // the press focuses it in the lesson; the browser's focus goes there too
    following = true;
    element.focus({ preventScroll: true });
    following = false;
    call('at_mirror_press', id);
  });
  // Enter and Space reach the lesson, which presses the focused control; the browser must not
  // press the element as well.
  root.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' || event.key === ' ') event.preventDefault();
  });
  // On a text or number field, Home, End and the arrows are the field's, not the tour's first,
  // last, previous or next step. (On a table's cell or a slider the lesson itself takes them:
  // the arrows walk the cells or move the slider, Home and End go to the row's or the slider's
  // ends, and the browser's focus follows its ring.) True when the key is taken here
  // (web/input.js then keeps it from the lesson).
  Module.onMirrorKey = function (event) {
    const id = event.target.getAttribute && event.target.getAttribute('data-id');
    const role = event.target.getAttribute && event.target.getAttribute('role');
    if (!id || !role) return false;
    return ['Home', 'End', 'ArrowLeft', 'ArrowRight'].indexOf(event.key) >= 0 &&
      (role === 'spinbutton' || role === 'textbox');
  };
  // A focused element far down the step would scroll the mirror: the canvas scrolls instead.
  root.addEventListener('scroll', function () { root.scrollTop = 0; root.scrollLeft = 0; });

  Module.ccall('at_mirror_wanted', null, ['number'], [1]);
})();
