// A link to pass on: shown whole in a read-only field (so it can be read, selected and copied by
// hand), with a button that copies it and says so, in words, beside the button and to screen readers.
import { h, setText } from '../dom.js';
import { t } from '../i18n.js';

/**
 * Copies text: the Clipboard API where the page may use it, else the field's own selection; with no
 * field (a link copied without being shown), a field of its own, off screen, for that moment only.
 */
export async function copyText(text, field) {
  try {
    if (globalThis.isSecureContext && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch { /* not allowed here: try the old way */ }
  const temp = field ? null : h('textarea', { class: 'offscreen', readonly: true, 'aria-hidden': 'true', tabindex: '-1' });
  if (temp) {
    temp.value = text;
    document.body.append(temp);
  }
  const target = field ?? temp;
  const active = document.activeElement;
  try {
    target.focus();
    target.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    temp?.remove();
    if (active && active !== target && active.isConnected) active.focus();
  }
}

/**
 * createCopyStatus('own-link-status') -> {el, say(ok)}: says, beside the button and to screen readers,
 * that the copy worked ("Link copied.", gone after a while) or how to copy by hand.
 */
export function createCopyStatus(id) {
  const el = h('span', { class: 'copy-status', role: 'status', id });
  let timer = null;
  function say(ok) {
    clearTimeout(timer);
    setText(el, '');
    // A moment later, so the same words after a second press are read again.
    timer = setTimeout(() => {
      setText(el, ok ? t('copy.done') : t('copy.manual'));
      if (ok) timer = setTimeout(() => setText(el, ''), 8000);
    }, 50);
  }
  return { el, say };
}

/**
 * createCopyField('display-link') -> {el, update({label, value, copyLabel})}
 * `copyLabel` is the button's accessible name; it starts with the visible "Copy link".
 */
export function createCopyField(id) {
  const label = h('label', { for: id, class: 'copy-label' });
  const input = h('input', { id, type: 'text', class: 'copy-input', readonly: true, spellcheck: 'false',
    autocomplete: 'off', autocapitalize: 'off', onfocus: () => input.select() });
  const status = createCopyStatus(`${id}-status`);
  const button = h('button', { type: 'button', class: 'secondary small', id: `${id}-copy`, onclick: async () => {
    const ok = await copyText(input.value, input);
    if (!ok) {
      input.focus();
      input.select();
    }
    status.say(ok);
  } });
  const el = h('div', { class: 'copy-field' }, label, h('div', { class: 'inline' }, input, button), status.el);
  function update({ label: text, value, copyLabel }) {
    setText(label, text);
    if (input.value !== value) input.value = value;
    setText(button, t('copy.button'));
    button.setAttribute('aria-label', copyLabel ?? t('copy.button'));
  }
  return { el, input, button, update };
}
