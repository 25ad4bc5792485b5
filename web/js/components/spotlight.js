// What the facilitator put in the spotlight: a contribution, a theme (with some of its words on the
// display) or a poll. Its elements are made once and updated in place, so a vote or a new post
// elsewhere does not redraw it, and words that did not change are not read out again.
import { h, keyedList, setText, setTextLang } from '../dom.js';
import { t } from '../i18n.js';
import { createPollChart } from './pollchart.js';

function itemRow() {
  const el = h('li');
  return { el, update(c) { setText(el, c.text); setTextLang(el, c.lang); } };
}

/**
 * createSpotlightBody({textClass, metaClass, itemsClass, author, themeItems, pollHeading, shows})
 * -> {el, update(state) -> whether anything is in the spotlight}.
 * author(state, c): the line under a contribution (none: no line); themeItems: how many of a theme's
 * contributions to list (0: none); pollHeading: the heading level of a spotlit poll (null: polls are
 * shown elsewhere); shows(c): whether a contribution may be shown.
 */
export function createSpotlightBody({ textClass, metaClass, itemsClass = null, author = null, themeItems = 0,
  pollHeading = null, shows = () => true } = {}) {
  const text = h('p', { class: textClass });
  const meta = h('p', { class: metaClass });
  const items = h('ul', { class: itemsClass });
  const syncItems = keyedList(items, itemRow);
  const chart = pollHeading ? createPollChart({ headingLevel: pollHeading }) : null;
  const el = h('div', { class: 'spot-parts' }, text, meta, themeItems ? items : null, chart?.el);

  /** Shows the given parts only; returns true. */
  function only(...parts) {
    for (const p of [text, meta, items, chart?.el]) if (p) p.hidden = !parts.includes(p);
    return true;
  }

  function update(state) {
    const s = state.spotlight;
    const contributions = state.contributions ?? [];
    if (s?.type === 'contribution') {
      const c = contributions.find((x) => x.id === s.id);
      if (!c || !shows(c)) return false;
      setText(text, c.text);
      setTextLang(text, c.lang);
      if (author) setText(meta, author(state, c));
      return author ? only(text, meta) : only(text);
    }
    if (s?.type === 'theme') {
      const th = (state.themes ?? []).find((x) => x.id === s.id);
      if (!th) return false;
      setText(text, th.label);
      setTextLang(text, null);
      setText(meta, t('votes.total', { count: th.votes ?? 0 }));
      if (!themeItems) return only(text, meta);
      const words = (th.contributionIds ?? []).map((id) => contributions.find((c) => c.id === id))
        .filter((c) => c?.text && shows(c));
      syncItems(words.slice(0, themeItems));
      return only(text, meta, items);
    }
    if (s?.type === 'poll' && chart) {
      const p = (state.polls ?? []).find((x) => x.id === s.id);
      if (!p) return false;
      chart.update(p);
      return only(chart.el);
    }
    return false;
  }
  return { el, update };
}
