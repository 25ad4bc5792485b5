// An error shown beside the control that caused it, not at the top of the page where a phone user
// (or a facilitator with the console scrolled down) would never see it. Kept in the page when
// empty, so screen readers announce new words reliably; cleared by the next success. Words from our
// catalogue follow a switch of language: one key ({key: ...} or a known error code) through data-i18n,
// words made of several ({words: () => ...}) by being made again.
import { h, setText } from '../dom.js';
import { onLangChange } from '../i18n.js';
import { errorKey, errorText } from '../shell.js';

/** createInlineError('joining-error') -> {el, id, show(err, {key}, {words: () => text} or words), clear()}. */
export function createInlineError(id) {
  return inlineErrorIn(h('p', { id, class: 'inline-error', role: 'alert' }));
}

/** The same, in an element the page already has (a form in the static HTML). */
export function inlineErrorIn(el) {
  let timer = null;
  // Listens for a switch of language only while words made of several keys are shown.
  let stopRedrawing = null;
  function redrawOnSwitch(words) {
    stopRedrawing?.();
    stopRedrawing = words ? onLangChange(() => setText(el, words())) : null;
  }
  return {
    el,
    id: el.id,
    show(err) {
      clearTimeout(timer);
      const text = err ? errorText(err) : '';
      const key = text ? errorKey(err) : null;
      if (key) el.dataset.i18n = key;
      else delete el.dataset.i18n;
      redrawOnSwitch(text && typeof err.words === 'function' ? err.words : null);
      if (!text || text !== el.textContent) { setText(el, text); return; }
      // The same words again (a second try that failed the same way): emptied first and filled a
      // moment later, so they are announced again.
      setText(el, '');
      timer = setTimeout(() => setText(el, text), 50);
    },
    clear() { clearTimeout(timer); redrawOnSwitch(null); delete el.dataset.i18n; setText(el, ''); },
  };
}
