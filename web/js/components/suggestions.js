// Theme suggestions in the console: ask for them, accept one (the button beside it) or all.
// Each suggestion is accepted by its id (themes.accept {ids}), which does not shift when the list
// shrinks, so pressing "Accept" on one after another always makes the one pressed. Rows are keyed
// by id and redrawn after every change; a failure is said beside the button that caused it.
import { ERR } from '../wire.js';
import { h, place, setText } from '../dom.js';
import { t } from '../i18n.js';
import { announce } from '../shell.js';
import { createInlineError } from './inline-error.js';

/** What to send for the suggestion at position `i` (ids where the server gave them, else indexes). */
export function acceptArgs(g, i) {
  return typeof g?.id === 'string' ? { ids: [g.id] } : { indexes: [i] };
}

/** The words for a failed accept: "gone" is worth its own, plainer sentence. */
function acceptError(e) {
  return e?.code === ERR.NOT_FOUND ? { key: 'suggest.gone' } : e;
}

/** ctx: {conn}. */
export function createSuggestions(ctx) {
  const heading = h('h2', { id: 'suggest-heading', tabindex: '-1' });
  const hint = h('p', { class: 'hint' });
  const runError = createInlineError('suggest-error');
  const runBtn = h('button', { type: 'button', class: 'secondary', id: 'suggest-btn',
    'aria-describedby': runError.id, onclick: run });
  const allBtn = h('button', { type: 'button', id: 'accept-all', 'aria-describedby': runError.id, onclick: acceptAll });
  const list = h('ul', { class: 'suggestions', 'aria-labelledby': 'suggest-heading' });
  const el = h('section', { class: 'panel', id: 'suggest', 'aria-labelledby': 'suggest-heading' },
    heading, hint, h('div', { class: 'actions' }, runBtn, allBtn), runError.el, list);
  const rows = new Map(); // suggestion key -> row

  function run() {
    runBtn.disabled = true;
    ctx.conn.send('themes.suggest', {}).then(() => { runError.clear(); announce(t('suggest.ready')); })
      // INTERNAL here means the suggestion model is not available; grouping by hand still works.
      .catch((e) => runError.show(e.code === ERR.INTERNAL ? { key: 'suggest.unavailable' } : e))
      .finally(() => { runBtn.disabled = false; });
  }

  function acceptAll() {
    allBtn.disabled = true;
    ctx.conn.send('themes.accept', {}).then(({ result }) => {
      runError.clear();
      announce(t('suggest.accepted', { count: result?.themeIds?.length ?? 0 }));
      if (!document.contains(document.activeElement) || document.activeElement === document.body) heading.focus();
    }).catch((e) => runError.show(e)).finally(() => { allBtn.disabled = false; });
  }

  function accept(row) {
    const s = ctx.conn.state ?? {};
    const list0 = s.suggestions ?? [];
    const i = list0.findIndex((g, j) => rowKey(g, j) === row.key);
    if (i < 0) { row.error.show({ key: 'suggest.gone' }); return; }
    const g = list0[i];
    row.btn.disabled = true;
    ctx.conn.send('themes.accept', acceptArgs(g, i)).then(() => {
      // A success clears every earlier complaint: they were about a list that has moved on.
      runError.clear();
      for (const r of rows.values()) r.error.clear();
      announce(t('themes.created', { label: g.label }));
      // The row went with its suggestion: focus the one that took its place, else the heading.
      if (!document.contains(row.btn) || document.activeElement === document.body) {
        const next = [...list.querySelectorAll('.suggestion > .actions button')][Math.min(i, list.children.length - 1)];
        (next ?? heading).focus();
      }
    }).catch((e) => row.error.show(acceptError(e))).finally(() => { row.btn.disabled = false; });
  }

  function rowKey(g, i) { return typeof g.id === 'string' ? g.id : `at-${i}`; }

  function makeRow(key) {
    const error = createInlineError(`suggest-error-${key}`);
    const label = h('p', { class: 'suggestion-label' });
    const size = h('p', { class: 'hint' });
    const items = h('ul', { class: 'suggestion-items' });
    const row = { key, error, sig: null };
    row.btn = h('button', { type: 'button', class: 'small', 'aria-describedby': error.id, onclick: () => accept(row) });
    row.el = h('li', { class: 'suggestion', dataset: { id: key } }, label, size, items,
      h('div', { class: 'actions' }, row.btn), error.el);
    row.update = (g, byId) => {
      const shown = (g.contributionIds ?? []).map((id) => byId.get(id)).filter((c) => c?.text);
      const texts = shown.map((c) => c.text);
      const sig = `${g.label}|${texts.join('\u0000')}|${document.documentElement.lang}`;
      if (sig === row.sig) return;
      row.sig = sig;
      setText(label, g.label);
      // A suggestion groups posts of one language only: its label is in theirs.
      const langs = new Set(shown.map((c) => c.lang));
      const one = langs.size === 1 ? [...langs][0] : null;
      if (one === 'cy' || one === 'en') label.lang = one; else label.removeAttribute('lang');
      setText(size, t('themes.size', { count: texts.length }));
      place(items, shown.slice(0, 5).map(({ text: x, lang }) =>
        h('li', { lang: lang === 'cy' || lang === 'en' ? lang : null }, x.length > 90 ? `${x.slice(0, 89)}…` : x)));
      setText(row.btn, t('suggest.accept'));
      row.btn.setAttribute('aria-label', t('suggest.acceptNamed', { label: g.label }));
    };
    return row;
  }

  function update(state) {
    const ended = state.workshop?.status === 'ended';
    el.hidden = ended;
    setText(heading, t('suggest.heading'));
    setText(hint, t('suggest.hint'));
    setText(runBtn, t('suggest.run'));
    const suggestions = state.suggestions ?? [];
    allBtn.hidden = suggestions.length < 2;
    setText(allBtn, t('suggest.acceptAll'));
    const byId = new Map((state.contributions ?? []).map((c) => [c.id, c]));
    const keys = new Set();
    const els = suggestions.map((g, i) => {
      const key = rowKey(g, i);
      keys.add(key);
      let row = rows.get(key);
      if (!row) { row = makeRow(key); rows.set(key, row); }
      row.update(g, byId);
      return row.el;
    });
    place(list, els);
    for (const key of [...rows.keys()]) if (!keys.has(key)) rows.delete(key);
  }

  return { el, update };
}
