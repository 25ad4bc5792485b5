// "Your workshops" on the start page: the workshops made in this browser, each console a click away
// (its token goes to the console through this tab's sessionStorage, never the address bar).
import { h, keyedList, setText } from '../dom.js';
import { t } from '../i18n.js';
import { createdWorkshops, forgetWorkshop } from '../storage.js';
import { openConsole } from './series.js';

export function createYours() {
  const heading = h('h2', { id: 'yours-heading' });
  const hint = h('p', { class: 'hint' });
  const listEl = h('ul', { class: 'yours-list', id: 'yours-list' });
  const el = h('section', { class: 'panel', id: 'yours', 'aria-labelledby': 'yours-heading', hidden: true },
    heading, hint, listEl);

  // One row per workshop, made once, so forgetting one leaves the others (and their focus) alone.
  function row(w0) {
    let w = w0;
    const title = h('span', { class: 'yours-title' });
    const open = h('button', { type: 'button', class: 'secondary small', 'data-workshop': w0.workshopId,
      onclick: () => openConsole(w.token) });
    const forget = h('button', { type: 'button', class: 'secondary small', onclick: () => {
      forgetWorkshop({ tokens: [w.token], workshopId: w.workshopId });
      update();
    } });
    const el = h('li', { class: 'yours-item' }, title, ' ', open, ' ', forget);
    return { el, update(next) {
      w = next;
      setText(title, w.title);
      setText(open, t('yours.open'));
      open.setAttribute('aria-label', t('yours.openNamed', { title: w.title }));
      setText(forget, t('yours.forget'));
    } };
  }
  const syncRows = keyedList(listEl, row, (w) => w.workshopId);

  function update() {
    const made = createdWorkshops();
    el.hidden = made.length === 0;
    setText(heading, t('yours.heading'));
    setText(hint, t('yours.hint'));
    syncRows(made);
  }

  return { el, update };
}
