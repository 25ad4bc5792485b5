// An error shown beside the control that caused it, not at the top of the page where a phone user
// (or a facilitator with the console scrolled down) would never see it. Kept in the page when
// empty, so screen readers announce new words reliably; cleared by the next success.
import { h, setText } from '../dom.js';
import { errorText } from '../shell.js';

export function createInlineError(id) {
  const el = h('p', { id, class: 'inline-error', role: 'alert' });
  return {
    el,
    id,
    show(err) { setText(el, err ? errorText(err) : ''); },
    clear() { setText(el, ''); },
  };
}
