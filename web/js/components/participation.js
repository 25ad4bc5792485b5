// The console's participation by group: people and named posts per group, with small groups
// folded into "other" so nobody can be picked out (stats.js).
import { h, replace, setText } from '../dom.js';
import { formatNumber, t } from '../i18n.js';
import { participation } from '../stats.js';
import { groupLabel } from './card.js';

export function createParticipation() {
  const heading = h('h2', { id: 'participation-heading' });
  const body = h('div');
  const el = h('section', { class: 'panel', id: 'participation', 'aria-labelledby': 'participation-heading' }, heading, body);
  let sig = null;

  function update(s) {
    setText(heading, t('part.heading'));
    const pr = participation(s);
    const next = JSON.stringify([pr, (s.workshop?.settings?.stakeholderGroups ?? null), document.documentElement.lang]);
    if (next === sig) return;
    sig = next;
    const cells = (label, r) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, formatNumber(r.people)),
      h('td', {}, formatNumber(r.posts)));
    const rows = pr.rows.map((r) => cells(groupLabel(s, r.group), r));
    if (pr.other) rows.push(cells(t('part.other'), pr.other));
    replace(body,
      rows.length ? h('table', { class: 'table' },
        h('caption', { class: 'visually-hidden' }, t('part.heading')),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('part.group')), h('th', { scope: 'col' }, t('part.people')),
          h('th', { scope: 'col' }, t('part.posts')))),
        h('tbody', {}, rows)) : null,
      h('p', { class: 'hint' }, t('part.rule', { count: pr.min })),
      pr.anonymous ? h('p', { class: 'hint' }, t('part.anonymous', { count: pr.anonymous })) : null);
  }
  return { el, update };
}
