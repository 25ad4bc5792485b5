// A small DOM helper. Everything a person typed reaches the page through text nodes only:
// there is deliberately no way here to set HTML.

/**
 * h('button', {type: 'button', class: 'secondary', onclick: fn}, 'Text', child)
 * Attributes: `class`, `text` (textContent), `on<event>` (listener), `dataset` (object),
 * `hidden`/`disabled`/`checked`/`selected`/`value` (properties), others via setAttribute
 * (null or false leaves them out). Children: nodes or strings (as text), null skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'hidden' || k === 'disabled' || k === 'checked' || k === 'selected' || k === 'value') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Sets text only when it changed: screen readers re-read a live region on every write. */
export function setText(el, text) {
  const s = text == null ? '' : String(text);
  if (el.textContent !== s) el.textContent = s;
}

export const $ = (id) => document.getElementById(id);

/**
 * Marks an element showing someone's words with their language ("cy" or "en"), so a screen reader
 * reads Welsh in a Welsh voice; anything else (unknown, null) leaves the page's language.
 */
export function setTextLang(el, lang) {
  if (lang === 'cy' || lang === 'en') { if (el.getAttribute('lang') !== lang) el.setAttribute('lang', lang); }
  else if (el.hasAttribute('lang')) el.removeAttribute('lang');
}

/**
 * Puts exactly these elements, in this order, into `container`, moving only what is out of
 * place, so focus and typing inside an element survive someone else's update.
 */
export function place(container, elements) {
  const active = document.activeElement;
  let prev = null;
  for (const el of elements) {
    const want = prev ? prev.nextSibling : container.firstChild;
    if (el !== want) container.insertBefore(el, want);
    prev = el;
  }
  for (let extra = prev ? prev.nextSibling : container.firstChild; extra; extra = prev ? prev.nextSibling : container.firstChild) {
    extra.remove();
  }
  // Moving a node that holds focus blurs it: put focus back.
  if (active && active !== document.activeElement && document.contains(active)) active.focus();
}

/**
 * A list drawn from keyed rows: keyedList(ul, (item, key) => ({el, update(item, ...more)})) returns
 * sync(items, ...more). Each key's row is made once and then updated in place; sync puts the rows in
 * order with place() and drops the rows of keys that have gone. So a vote elsewhere moves, at most, the
 * rows whose order changed: nothing is re-read by a screen reader, and focus and selection stay put.
 */
export function keyedList(container, make, keyOf = (item) => item.id) {
  let rows = new Map();
  return function sync(items, ...more) {
    const next = new Map();
    for (const item of items) {
      const key = keyOf(item);
      if (next.has(key)) continue;
      const row = rows.get(key) ?? make(item, key);
      next.set(key, row);
      row.update?.(item, ...more);
    }
    rows = next;
    place(container, [...next.values()].map((r) => r.el));
  };
}
