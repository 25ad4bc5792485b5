// The display's two lists: themes, most voted first, and the newest contributions. Rows are kept by
// id and updated in place, so a vote moves a theme's row (only when its place changes) and a new post
// adds one card: the cards already on the room's screen do not flash or fade in again.
import { h, keyedList, setText, setTextLang } from '../dom.js';
import { t } from '../i18n.js';

export const RECENT = 6;

function themeRow() {
  const label = h('span', { class: 'd-theme-label' });
  const meta = h('span', { class: 'd-theme-meta' });
  return {
    el: h('li', { class: 'd-theme' }, label, meta),
    update({ theme, size }) {
      setText(label, theme.label);
      setText(meta, `${t('themes.size', { count: size })} · ${t('votes.total', { count: theme.votes ?? 0 })}`);
    },
  };
}

/** Themes with their size and votes, most voted first. update(state) -> how many themes there are. */
export function createThemeRanking() {
  const el = h('ol', { class: 'd-themes' });
  const sync = keyedList(el, themeRow, (x) => x.theme.id);
  function update(state) {
    const ids = new Set((state.contributions ?? []).map((c) => c.id));
    const ranked = (state.themes ?? []).slice().sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0))
      .map((theme) => ({ theme, size: (theme.contributionIds ?? []).filter((id) => ids.has(id)).length }));
    sync(ranked);
    return ranked.length;
  }
  return { el, update };
}

function cardRow() {
  const kind = h('span', { class: 'd-kind' });
  const text = h('span', { class: 'd-text' });
  return {
    el: h('li', { class: 'd-card' }, kind, text),
    update(c) {
      setText(kind, t(`kinds.${c.kind ?? 'idea'}`));
      setText(text, c.text);
      setTextLang(text, c.lang);
    },
  };
}

/** The newest contributions that are not hidden (never names). update(state) -> how many are shown. */
export function createRecent() {
  const el = h('ul', { class: 'd-recent', id: 'd-recent' });
  const sync = keyedList(el, cardRow);
  function update(state) {
    const cs = (state.contributions ?? []).filter((c) => !c.hidden)
      .sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0)).slice(0, RECENT);
    sync(cs);
    return cs.length;
  }
  return { el, update };
}
