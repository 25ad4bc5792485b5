// A modal dialog on the native <dialog>: while it is open the rest of the page is inert (focus
// stays inside, screen readers read only the dialog), Escape closes it, and focus goes back to
// the control that opened it, or to a fallback when that control is gone.
import { h, setText } from '../dom.js';

/**
 * createDialog('merge', {onSubmit}) -> {el, heading, body, actions, open(first, {from, fallback}), close(focus),
 * error(text), busy(on)}. `body` and `actions` are filled by the caller. The dialog has its own alert region: the page's
 * is outside it, hence inert and silent while it is open.
 */
export function createDialog(id, { onClose, onSubmit } = {}) {
  const heading = h('h2', { id: `${id}-title`, class: 'dialog-title' });
  const body = h('div', { class: 'dialog-body' });
  const errorEl = h('p', { id: `${id}-error`, class: 'dialog-error', role: 'alert' });
  const actions = h('div', { class: 'actions dialog-actions' });
  // With onSubmit, everything is one form: Enter in a field submits, as people expect.
  const inner = onSubmit
    ? h('form', { id: `${id}-form`, novalidate: true, onsubmit: (e) => { e.preventDefault(); onSubmit(); } }, body, errorEl, actions)
    : h('div', {}, body, errorEl, actions);
  const el = h('dialog', { id, class: 'dialog', 'aria-labelledby': `${id}-title` }, heading, inner);
  let returnTo = null;
  let fallback = null;
  let errorTimer = null;

  el.addEventListener('close', () => {
    const targets = [returnTo, typeof fallback === 'function' ? fallback() : fallback];
    returnTo = fallback = null;
    clearTimeout(errorTimer);
    errorEl.textContent = '';
    el.removeAttribute('aria-busy');
    onClose?.();
    const target = targets.find((x) => x && x.isConnected && !x.hidden);
    target?.focus();
  });

  return {
    el,
    heading,
    body,
    actions,
    errorId: `${id}-error`,
    get isOpen() { return el.open; },
    /** Opens it and focuses `first`; focus returns to what had it, else to `fallback` (an element or a function). */
    open(first, opts = {}) {
      if (el.open) return;
      returnTo = opts.from ?? document.activeElement;
      fallback = opts.fallback ?? null;
      errorEl.textContent = '';
      if (!el.isConnected) document.body.append(el);
      el.showModal();
      first?.focus();
    },
    /** Closes it; `focus` (an element) takes the focus instead of the opener, e.g. the thing just made. */
    close(focus) {
      if (focus) returnTo = focus;
      if (el.open) el.close();
    },
    /** Shows (or, with '', clears) a problem inside the dialog; emptied first so a repeat is read again. */
    error(text) {
      clearTimeout(errorTimer);
      errorEl.textContent = '';
      if (text) errorTimer = setTimeout(() => setText(errorEl, text), 50);
    },
    busy(on) {
      if (on) el.setAttribute('aria-busy', 'true');
      else el.removeAttribute('aria-busy');
      for (const b of actions.querySelectorAll('button')) b.disabled = Boolean(on);
    },
  };
}
