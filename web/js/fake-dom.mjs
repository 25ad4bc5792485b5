// Just enough of a DOM for node tests of components: elements, text nodes, attributes, focus (moving or
// removing a focused element blurs it, as in a browser), <select> values, events and simple selectors.
// Not a browser: it checks what a component does to its elements, which is what a person would notice.

class FakeNode {
  constructor(doc) {
    this.ownerDocument = doc;
    this.parentNode = null;
    this.childNodes = [];
  }

  get parentElement() { return this.parentNode instanceof FakeElement ? this.parentNode : null; }
  get firstChild() { return this.childNodes[0] ?? null; }
  get lastChild() { return this.childNodes.at(-1) ?? null; }
  get nextSibling() {
    const sibs = this.parentNode?.childNodes;
    return sibs ? sibs[sibs.indexOf(this) + 1] ?? null : null;
  }
  get children() { return this.childNodes.filter((n) => n instanceof FakeElement); }
  get isConnected() {
    let n = this;
    while (n.parentNode) n = n.parentNode;
    return n === this.ownerDocument;
  }

  contains(other) {
    for (let n = other; n; n = n.parentNode) if (n === this) return true;
    return false;
  }

  get textContent() { return this.childNodes.map((c) => c.textContent).join(''); }
  set textContent(v) {
    this.replaceChildren();
    if (v !== '' && v != null) this.append(String(v));
  }

  #adopt(node) {
    const n = typeof node === 'string' ? this.ownerDocument.createTextNode(node) : node;
    if (n.parentNode) n.parentNode.#detach(n);
    n.parentNode = this;
    this.ownerDocument.mutations++;
    return n;
  }

  #detach(n) {
    const doc = this.ownerDocument;
    if (doc.activeElement && n.contains(doc.activeElement)) doc.activeElement = doc.body;
    this.childNodes.splice(this.childNodes.indexOf(n), 1);
    n.parentNode = null;
    doc.mutations++;
  }

  append(...nodes) { for (const x of nodes) this.childNodes.push(this.#adopt(x)); }
  insertBefore(node, ref) {
    const n = this.#adopt(node);
    const i = ref ? this.childNodes.indexOf(ref) : -1;
    if (i < 0) this.childNodes.push(n);
    else this.childNodes.splice(i, 0, n);
    return n;
  }
  removeChild(n) { this.#detach(n); return n; }
  remove() { this.parentNode?.removeChild(this); }
  replaceChildren(...nodes) {
    for (const c of [...this.childNodes]) this.#detach(c);
    this.append(...nodes);
  }
}

class FakeText extends FakeNode {
  constructor(doc, data) { super(doc); this.data = data; }
  get textContent() { return this.data; }
  set textContent(v) { this.data = String(v); this.ownerDocument.mutations++; }
}

const PROPS = ['hidden', 'disabled', 'checked'];

class FakeElement extends FakeNode {
  constructor(doc, tag) {
    super(doc);
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.dataset = {};
    this.style = {};
    this.listeners = {};
    this.hidden = false;
    this.disabled = false;
    this.checked = false;
    this.selected = false;
    this._value = '';
  }

  setAttribute(k, v) {
    if (PROPS.includes(k)) this[k] = true;
    else if (k === 'selected') this.selected = true;
    else this.attributes.set(k, String(v));
  }
  getAttribute(k) {
    if (PROPS.includes(k)) return this[k] ? '' : null;
    if (k.startsWith('data-')) return this.dataset[k.slice(5).replace(/-(\w)/g, (_, c) => c.toUpperCase())] ?? null;
    return this.attributes.get(k) ?? null;
  }
  hasAttribute(k) { return this.getAttribute(k) != null; }
  removeAttribute(k) {
    if (PROPS.includes(k)) this[k] = false;
    else this.attributes.delete(k);
  }

  get id() { return this.getAttribute('id') ?? ''; }
  set id(v) { this.setAttribute('id', v); }
  get className() { return this.getAttribute('class') ?? ''; }
  set className(v) { this.setAttribute('class', v); }
  get lang() { return this.getAttribute('lang') ?? ''; }
  set lang(v) { this.setAttribute('lang', v); }
  get src() { return this.getAttribute('src') ?? ''; }
  set src(v) { this.setAttribute('src', v); }
  get alt() { return this.getAttribute('alt') ?? ''; }
  set alt(v) { this.setAttribute('alt', v); }
  get classList() {
    const el = this;
    const list = () => el.className.split(/\s+/).filter(Boolean);
    return {
      contains: (c) => list().includes(c),
      add: (...cs) => { el.className = [...new Set([...list(), ...cs])].join(' '); },
      remove: (...cs) => { el.className = list().filter((c) => !cs.includes(c)).join(' '); },
      toggle: (c, on = !list().includes(c)) => {
        if (on) el.classList.add(c);
        else el.classList.remove(c);
        return on;
      },
    };
  }

  get options() { return this.querySelectorAll('option'); }
  get value() {
    if (this.tagName === 'SELECT') {
      const opts = this.options;
      return (opts.find((o) => o.selected) ?? opts[0])?.value ?? '';
    }
    if (this.tagName === 'OPTION' && !this.hasAttribute('value') && this._value === '') return this.textContent;
    return this._value;
  }
  set value(v) {
    if (this.tagName === 'SELECT') {
      for (const o of this.options) o.selected = o.value === String(v);
    } else {
      this._value = String(v);
      if (this.tagName === 'OPTION') this.attributes.set('value', String(v));
    }
  }

  addEventListener(type, fn) { (this.listeners[type] ??= []).push(fn); }
  removeEventListener(type, fn) { this.listeners[type] = (this.listeners[type] ?? []).filter((f) => f !== fn); }
  dispatchEvent(ev) {
    const e = typeof ev === 'string' ? { type: ev } : ev;
    e.target ??= this;
    e.preventDefault ??= () => { e.defaultPrevented = true; };
    for (const fn of this.listeners[e.type] ?? []) fn.call(this, e);
    return !e.defaultPrevented;
  }
  // <dialog>
  showModal() { this.open = true; }
  close() {
    if (!this.open) return;
    this.open = false;
    this.dispatchEvent({ type: 'close' });
  }
  click() { if (!this.disabled) this.dispatchEvent({ type: 'click' }); }
  focus() { if (this.isConnected) this.ownerDocument.activeElement = this; }
  blur() { if (this.ownerDocument.activeElement === this) this.ownerDocument.activeElement = this.ownerDocument.body; }

  querySelectorAll(sel) {
    const out = [];
    const walk = (n) => {
      for (const c of n.children) {
        if (matches(c, sel)) out.push(c);
        walk(c);
      }
    };
    walk(this);
    return out;
  }
  querySelector(sel) { return this.querySelectorAll(sel)[0] ?? null; }
  matches(sel) { return matches(this, sel); }
}

/** One compound selector (tag, #id, .class, [attr], [attr=value]), or several joined by spaces. */
function matches(el, sel) {
  const parts = sel.trim().split(/\s+/);
  if (!one(el, parts.at(-1))) return false;
  let n = el.parentNode;
  for (let i = parts.length - 2; i >= 0; i--) {
    while (n && !(n instanceof FakeElement && one(n, parts[i]))) n = n.parentNode;
    if (!n) return false;
    n = n.parentNode;
  }
  return true;
}

function one(el, sel) {
  const re = /([#.]?)([\w-]+)|\[([\w-]+)(?:=["']?([^"'\]]*)["']?)?\]/g;
  for (const m of sel.matchAll(re)) {
    if (m[3]) {
      const v = el.getAttribute(m[3]);
      if (v == null || (m[4] != null && v !== m[4])) return false;
    } else if (m[1] === '#') {
      if (el.id !== m[2]) return false;
    } else if (m[1] === '.') {
      if (!el.classList.contains(m[2])) return false;
    } else if (el.tagName !== m[2].toUpperCase()) return false;
  }
  return true;
}

class FakeDocument extends FakeNode {
  constructor() {
    super(null);
    this.ownerDocument = this;
    this.mutations = 0;
    this.documentElement = new FakeElement(this, 'html');
    this.body = new FakeElement(this, 'body');
    this.append(this.documentElement);
    this.documentElement.append(this.body);
    this.activeElement = this.body;
    this.title = '';
  }
  createElement(tag) { return new FakeElement(this, tag); }
  createTextNode(s) { return new FakeText(this, String(s)); }
  getElementById(id) { return this.body.querySelector(`#${id}`); }
  querySelector(sel) { return this.documentElement.querySelector(sel); }
  querySelectorAll(sel) { return this.documentElement.querySelectorAll(sel); }
}

/** A fresh document in globalThis (document, Node), for one test file. */
export function installDom() {
  const doc = new FakeDocument();
  globalThis.document = doc;
  globalThis.Node = FakeNode;
  return doc;
}
