// Narrowing the board: all posts, only mine, only questions, or one theme. Twenty posts on a phone
// are twenty screens; this makes them one. It only hides cards here: nothing changes for anyone else.
import { h, replace, setText } from '../dom.js';
import { t } from '../i18n.js';

/** The filter as chosen in the menu: "all", "mine", "questions", or "theme:<id>". */
export function parseFilter(value) {
  if (value === 'mine' || value === 'questions') return { type: value };
  if (typeof value === 'string' && value.startsWith('theme:')) return { type: 'theme', id: value.slice(6) };
  return { type: 'all' };
}

/** Whether a contribution is shown under this filter (a theme filter: the posts in that theme). */
export function matchesFilter(c, filter) {
  switch (filter?.type) {
    case 'mine': return Boolean(c.mine);
    case 'questions': return c.kind === 'question';
    case 'theme': return c.themeId === filter.id;
    default: return true;
  }
}

/** ctx: unused; onChange(filter) when the person chooses. */
export function createFilter({ onChange }) {
  const label = h('label', { for: 'board-filter' });
  const select = h('select', { id: 'board-filter', 'aria-describedby': 'board-filter-count',
    onchange: () => onChange(parseFilter(select.value)) });
  const count = h('p', { class: 'hint', id: 'board-filter-count', role: 'status' });
  const el = h('div', { class: 'board-filter inline-field' }, label, select, count);
  let sig = null;

  /** shown/total: how many posts the filter leaves, of all. A theme that went away: back to all. */
  function update(state, { shown, total }) {
    setText(label, t('filter.label'));
    const themes = state.themes ?? [];
    const next = `${themes.map((x) => `${x.id}=${x.label}`).join('|')}#${t('filter.all')}`;
    let value = select.value || 'all';
    if (next !== sig) {
      sig = next;
      replace(select,
        h('option', { value: 'all' }, t('filter.all')),
        h('option', { value: 'mine' }, t('filter.mine')),
        h('option', { value: 'questions' }, t('filter.questions')),
        themes.length ? h('optgroup', { label: t('filter.themes') },
          themes.map((x) => h('option', { value: `theme:${x.id}` }, x.label))) : null);
      if (![...select.options].some((o) => o.value === value)) { value = 'all'; queueMicrotask(() => onChange(parseFilter('all'))); }
      select.value = value;
    }
    el.hidden = total === 0;
    setText(count, value === 'all' ? '' : t('filter.count', { count: shown, total }));
  }

  return { el, update, get value() { return parseFilter(select.value); } };
}
