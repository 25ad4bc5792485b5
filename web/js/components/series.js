// The meetings of this workshop's series, each console this browser made a click away, and the form
// that starts the next meeting (docs/protocol.md: POST /api/workshops/{id}/next).
import { h, keyedList, place, setText } from '../dom.js';
import { t } from '../i18n.js';
import { postJson } from '../api.js';
import { browserStorage, rememberLinks } from '../manage.js';
import { KEYS, createdWorkshops, keepPageToken, rememberCreated } from '../storage.js';
import { checkedDate } from './actions.js';
import { createInlineError } from './inline-error.js';

/** The path of the "you said, we did" page of a series. */
export const outcomesPath = (seriesId) => `/o.html?s=${encodeURIComponent(String(seriesId))}`;

/** Opens a console this browser made, in this tab, without its token in the address bar. */
export function openConsole(token, { go = (p) => globalThis.location.assign(p) } = {}) {
  keepPageToken(KEYS.console, token);
  go('/f/');
}

/** ctx: {conn, state()}; token: this facilitator's. */
export function createSeries(ctx, { token }) {
  const heading = h('h2', { id: 'series-heading' });
  const none = h('p', { class: 'hint' });
  const listEl = h('ol', { class: 'series-list', id: 'series-list' });
  const outcomes = h('a', { id: 'series-outcomes', hidden: true });

  const nextHeading = h('h3', { id: 'series-next-heading' });
  const nextHint = h('p', { class: 'hint', id: 'series-next-hint' });
  const titleLabel = h('label', { for: 'series-title' });
  const titleError = createInlineError('series-title-error');
  const title = h('input', { id: 'series-title', type: 'text', maxlength: 200, autocomplete: 'off',
    'aria-describedby': 'series-title-error' });
  const dateLabel = h('label', { for: 'series-date' });
  const dateError = createInlineError('series-date-error');
  const date = h('input', { id: 'series-date', type: 'date', 'aria-describedby': 'series-date-error' });
  const startError = createInlineError('series-start-error');
  const startBtn = h('button', { type: 'submit', id: 'series-start' });
  const form = h('form', { id: 'series-form', novalidate: true, 'aria-labelledby': 'series-next-heading',
    onsubmit: (e) => { e.preventDefault(); start(); } },
  nextHeading, nextHint, h('div', { class: 'field' }, titleLabel, titleError.el, title),
  h('div', { class: 'field' }, dateLabel, dateError.el, date), startError.el, startBtn);
  const el = h('section', { class: 'panel', id: 'series', 'aria-labelledby': 'series-heading' },
    heading, none, listEl, h('p', {}, outcomes), form);

  // One key per meeting asked for: sent again with the same words (after a network error, say) it cannot
  // make a second meeting; changed words make a new key.
  let pending = null;
  function requestIdFor(body) {
    const words = JSON.stringify(body);
    if (pending?.words !== words) {
      const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
      pending = { words, id: Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') };
    }
    return pending.id;
  }

  async function start() {
    titleError.clear();
    dateError.clear();
    startError.clear();
    const name = title.value.trim();
    const day = checkedDate(date.value);
    if (!name) { titleError.show({ key: 'series.needTitle' }); title.focus(); return; }
    if (day == null) { dateError.show({ key: 'series.badDate' }); date.focus(); return; }
    const id = ctx.state().workshop?.id;
    if (!id) return;
    startBtn.disabled = true;
    try {
      const body = { title: name };
      if (day) body.date = day;
      const made = await postJson(`/api/workshops/${encodeURIComponent(id)}/next`,
        { ...body, requestId: requestIdFor([id, body]) }, token);
      pending = null;
      rememberCreated({ workshopId: made.workshopId, title: name, token: made.facilitatorToken });
      rememberLinks(browserStorage(), made.workshopId, made.links);
      openConsole(made.facilitatorToken);
    } catch (err) {
      startError.show(err);
      startBtn.disabled = false;
    }
  }

  // One row per meeting, made once: a meeting starting elsewhere rewrites only its own words.
  function meetingRow(m0) {
    let token = null;
    const title = h('span', { class: 'series-title' });
    const words = h('span', { class: 'hint' });
    const hereNote = h('span', { class: 'hint' });
    const open = h('button', { type: 'button', class: 'secondary small', 'data-workshop': m0.workshopId,
      onclick: () => openConsole(token) });
    const gap = document.createTextNode(' ');
    const el = h('li', { class: 'series-meeting' });
    function update(m, here, made) {
      const self = m.workshopId === here.id;
      const mine = made.get(m.workshopId);
      token = mine?.token ?? null;
      setText(title, self ? here.title : m.title);
      setText(words, [m.date, t(`series.statuses.${self ? here.status : m.status}`)].filter(Boolean).join(' · '));
      setText(hereNote, ` (${t('series.here')})`);
      setText(open, t('series.open'));
      open.setAttribute('aria-label', t('series.openNamed', { title: m.title }));
      if (self) el.setAttribute('aria-current', 'page');
      else el.removeAttribute('aria-current');
      place(el, [title, gap, words, self ? hereNote : null, !self && mine ? open : null].filter(Boolean));
    }
    return { el, update };
  }
  const syncMeetings = keyedList(listEl, meetingRow, (m) => m.workshopId);

  function update(s) {
    const here = s.workshop ?? {};
    const meetings = s.series?.meetings ?? [{ workshopId: here.id, title: here.title, status: here.status }];
    const made = new Map(createdWorkshops().map((w) => [w.workshopId, w]));
    setText(heading, t('series.heading'));
    setText(none, s.series ? '' : t('series.none'));
    none.hidden = Boolean(s.series);
    if (s.series?.id) {
      outcomes.href = outcomesPath(s.series.id);
      setText(outcomes, t('series.outcomes'));
    }
    outcomes.hidden = !s.series?.id;
    setText(nextHeading, t('series.nextHeading'));
    setText(nextHint, t('series.nextHint'));
    setText(titleLabel, t('series.title'));
    setText(dateLabel, t('series.date'));
    setText(startBtn, t('series.start'));
    syncMeetings(meetings, here, made);
  }

  return { el, update };
}
