// "Your workshops" on the start page: the workshops made in this browser, each console a click away
// (its token goes to the console through this tab's sessionStorage, never the address bar).
import { h, replace, setText } from '../dom.js';
import { t } from '../i18n.js';
import { createdWorkshops, forgetWorkshop } from '../storage.js';
import { openConsole } from './series.js';

export function createYours() {
  const heading = h('h2', { id: 'yours-heading' });
  const hint = h('p', { class: 'hint' });
  const listEl = h('ul', { class: 'yours-list', id: 'yours-list' });
  const el = h('section', { class: 'panel', id: 'yours', 'aria-labelledby': 'yours-heading', hidden: true },
    heading, hint, listEl);

  function update() {
    const made = createdWorkshops();
    el.hidden = made.length === 0;
    setText(heading, t('yours.heading'));
    setText(hint, t('yours.hint'));
    replace(listEl, made.map((w) => h('li', { class: 'yours-item' },
      h('span', { class: 'yours-title' }, w.title), ' ',
      h('button', { type: 'button', class: 'secondary small', 'data-workshop': w.workshopId,
        'aria-label': t('yours.openNamed', { title: w.title }), onclick: () => openConsole(w.token) }, t('yours.open')),
      ' ',
      h('button', { type: 'button', class: 'secondary small', onclick: () => {
        forgetWorkshop({ tokens: [w.token], workshopId: w.workshopId });
        update();
      } }, t('yours.forget')))));
  }

  return { el, update };
}
