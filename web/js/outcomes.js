// "You said, we did" (o.html?s=<series id>): meeting by meeting, the themes, the take-home messages and
// every action with where it stands now. Read with any link of the series' meetings that this tab or
// browser holds; it names no one (the server leaves names out).
import { $, h, replace } from './dom.js';
import { onLangChange, t } from './i18n.js';
import { initShell } from './shell.js';
import { KEYS, createdWorkshops, readJson, rememberedPeople, sessionStore } from './storage.js';

/** Tokens to try, most likely first: this tab's participant or console, then those this browser kept. */
export function candidateTokens() {
  const out = [readJson(sessionStore(), KEYS.session, null)?.token, readJson(sessionStore(), KEYS.console, null)?.token,
    ...rememberedPeople().map((p) => p.token), ...createdWorkshops().map((w) => w.token)];
  return [...new Set(out.filter((x) => typeof x === 'string' && x))];
}

async function load(seriesId) {
  for (const token of candidateTokens()) {
    let res;
    try {
      res = await fetch(`/api/series/${encodeURIComponent(seriesId)}/outcomes`, { headers: { Authorization: `Bearer ${token}` } });
    } catch {
      return { failed: true };
    }
    if (res.ok) return { page: await res.json() };
    if (res.status !== 401 && res.status !== 403) return { failed: true };
  }
  return { noToken: true };
}

const section = (headingKey, items, noneKey, render) => [
  h('h3', {}, t(headingKey)),
  items.length ? h('ul', {}, items.map(render)) : h('p', { class: 'hint' }, t(noneKey)),
];

/**
 * A day in words ("3 December 2026", "3 Rhagfyr 2026"): the meeting's planned date, else when it was made.
 * Month names come from the catalogue: browsers' own Welsh date data is often missing.
 */
function day(m) {
  const d = m.date ? new Date(`${m.date}T12:00:00Z`) : m.createdAt ? new Date(m.createdAt) : null;
  if (!d || Number.isNaN(d.getTime())) return '';
  const utc = Boolean(m.date);
  const months = t('outcomes.months').split(',');
  const [dd, mm, yy] = utc ? [d.getUTCDate(), d.getUTCMonth(), d.getUTCFullYear()] : [d.getDate(), d.getMonth(), d.getFullYear()];
  return `${dd} ${months[mm] ?? ''} ${yy}`;
}

function meeting(m) {
  const when = day(m);
  return h('section', { class: 'meeting', 'aria-label': m.title },
    h('h2', {}, m.title), when ? h('p', { class: 'hint' }, when) : null,
    section('outcomes.themes', m.themes ?? [], 'outcomes.noneThemes', (th) => h('li', {}, th.label)),
    section('outcomes.takeaways', m.takeaways ?? [], 'outcomes.noneTakeaways', (text) => h('li', {}, text)),
    section('outcomes.actions', m.actions ?? [], 'outcomes.noneActions', (a) => h('li', { class: 'action' },
      h('span', { class: `status status-${a.status}` }, t(`actions.statuses.${a.status}`)), a.text,
      a.due ? h('span', { class: 'hint' }, ` (${t('outcomes.due', { due: a.due })})`) : null,
      a.outcome ? h('span', { class: 'outcome' }, t('outcomes.outcome', { outcome: a.outcome })) : null)));
}

function start() {
  initShell();
  const root = $('outcomes');
  const seriesId = new URLSearchParams(location.search).get('s') ?? '';
  let result = null;
  const render = () => {
    document.title = `${t('outcomes.title')} – ${t('app.name')}`;
    const top = [h('h1', { id: 'outcomes-title', tabindex: '-1' }, t('outcomes.title'))];
    if (!result) return replace(root, top);
    if (result.noToken || !seriesId) return replace(root, top, h('p', {}, t('outcomes.noToken')));
    if (result.failed) return replace(root, top, h('p', {}, t('outcomes.failed')));
    const p = result.page;
    replace(root, top, h('p', { class: 'lede' }, p.series?.title ? `${p.series.title}. ` : '', t('outcomes.intro')),
      h('p', { class: 'tools' },
        h('button', { type: 'button', class: 'secondary', id: 'outcomes-print', onclick: () => window.print() }, t('outcomes.print')),
        history.length > 1 ? h('button', { type: 'button', class: 'secondary', onclick: () => history.back() }, t('outcomes.back')) : null),
      (p.meetings ?? []).map(meeting));
  };
  onLangChange(render);
  render();
  (seriesId ? load(seriesId) : Promise.resolve({ noToken: true })).then((r) => { result = r; render(); });
}

start();
