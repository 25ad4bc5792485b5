// The display (/d/#token): large type for the room's screen or a screen share. Read-only.
// Names are never shown here: a shared screen is the last place anyone should feel exposed.
import { $, h, replace, setText } from './dom.js';
import { Connection } from './connection.js';
import { formatNumber, onLangChange, t } from './i18n.js';
import { initShell, watchConnection } from './shell.js';
import { createCountdown } from './components/countdown.js';
import { pollChart } from './components/pollchart.js';
import { phaseLine } from './live.js';
import { joinPath, joiningLocked, qrPath } from './manage.js';
import { KEYS, dropOtherTokens, takePageToken, watchPageToken } from './storage.js';

/** A contribution's language for its element's `lang` (Welsh read in a Welsh voice); null: the page's. */
const langOf = (c) => (c.lang === 'cy' || c.lang === 'en' ? c.lang : null);

const RECENT = 6;

function start() {
  initShell();
  // A room's screen is the most looked-at screen there is: the token leaves the address bar at once.
  const token = takePageToken(KEYS.display);
  watchPageToken(KEYS.display);
  // Opened from the console, this tab started with a copy of the console's sessionStorage.
  dropOtherTokens(KEYS.display);
  if (window.opener) window.opener = null;
  const root = $('screen');
  if (!token) {
    replace(root, h('h1', {}, t('display.noToken')));
    return;
  }
  const conn = new Connection(token);

  const title = h('h1', { class: 'd-title', id: 'd-title' });
  const phase = h('p', { class: 'd-phase', id: 'd-phase' });
  const prompt = h('p', { class: 'd-prompt' });
  const countdown = createCountdown(conn, { className: 'd-countdown' });
  const note = h('p', { class: 'd-note', hidden: true });

  const joinHeading = h('h2', { class: 'd-join-heading' });
  const code = h('p', { class: 'd-code', id: 'd-code' });
  const url = h('p', { class: 'd-url' });
  const qr = h('img', { class: 'd-qr', id: 'd-qr', width: 240, height: 240, alt: '' });
  const howTo = h('div', { class: 'd-join-how' }, code, qr, url);
  const closed = h('p', { class: 'd-join-closed', id: 'd-join-closed', hidden: true });
  const join = h('aside', { class: 'd-join', 'aria-label': '' }, joinHeading, howTo, closed);

  const spotHeading = h('h2', { id: 'd-spot-heading' });
  const spotBody = h('div', { class: 'd-spot-body' });
  const spot = h('section', { class: 'd-spotlight', hidden: true, 'aria-labelledby': 'd-spot-heading' }, spotHeading, spotBody);

  const pollBox = h('section', { class: 'd-poll', hidden: true, 'aria-label': '' });

  const themesHeading = h('h2', { id: 'd-themes-heading' });
  const themesList = h('ol', { class: 'd-themes' });
  const themes = h('section', { class: 'd-section', hidden: true, 'aria-labelledby': 'd-themes-heading' }, themesHeading, themesList);

  const recentHeading = h('h2', { id: 'd-recent-heading' });
  const recentList = h('ul', { class: 'd-recent', id: 'd-recent' });
  const recentEmpty = h('p', { class: 'd-empty' });
  const recent = h('section', { class: 'd-section', 'aria-labelledby': 'd-recent-heading' }, recentHeading, recentEmpty, recentList);

  replace(root,
    h('div', { class: 'd-top' }, h('div', { class: 'd-heading' }, title, phase, prompt, note), countdown.el),
    h('div', { class: 'd-body' }, h('div', { class: 'd-main' }, spot, pollBox, themes, recent), join));

  let qrFor = null;
  function render() {
    const s = conn.state;
    if (!s) return;
    const w = s.workshop ?? {};
    setText(title, w.title ?? '');
    document.title = `${w.title ?? ''} – ${t('display.tag')}`;
    setText(phase, phaseLine(s));
    const def = (s.phases ?? [])[s.phase?.index ?? 0];
    setText(prompt, def?.prompt ?? '');
    prompt.hidden = !def?.prompt || w.status === 'ended';
    countdown.update(w.status === 'lobby' ? null : s.phase);
    note.hidden = !(w.status === 'lobby' || w.status === 'ended');
    setText(note, w.status === 'ended' ? t('display.ended') : t('display.lobby'));

    // A new join code arrives with workshop.updated: the code, its link and its QR picture change together.
    const joinCode = String(w.joinCode ?? '');
    const joinUrl = new URL(joinPath(joinCode), location.origin).href;
    join.setAttribute('aria-label', t('display.join'));
    join.hidden = w.status === 'ended';
    setText(joinHeading, t('display.join'));
    setText(code, joinCode);
    setText(url, joinUrl);
    const src = w.id ? qrPath(w.id, joinCode) : null;
    if (src && qrFor !== src) qr.src = qrFor = src;
    qr.alt = t('display.qrAlt', { url: joinUrl });
    // While joining is stopped, a code that cannot work is not shown to the room.
    const locked = joiningLocked(s);
    howTo.hidden = locked;
    joinHeading.hidden = locked;
    closed.hidden = !locked;
    setText(closed, t('display.joinClosed'));

    // Spotlight
    const sl = s.spotlight;
    let content = null;
    if (sl?.type === 'contribution') {
      const c = (s.contributions ?? []).find((x) => x.id === sl.id);
      if (c) content = h('p', { class: 'd-spot-text', lang: langOf(c) }, c.text);
    } else if (sl?.type === 'theme') {
      const th = (s.themes ?? []).find((x) => x.id === sl.id);
      if (th) {
        const items = (th.contributionIds ?? []).map((id) => (s.contributions ?? []).find((c) => c.id === id)).filter((c) => c?.text);
        content = [h('p', { class: 'd-spot-text' }, th.label), h('p', { class: 'd-meta' }, t('votes.total', { count: th.votes ?? 0 })),
          h('ul', { class: 'd-spot-items' }, items.slice(0, 6).map((c) => h('li', { lang: langOf(c) }, c.text)))];
      }
    }
    setText(spotHeading, t('spotlight.heading'));
    spot.hidden = !content;
    if (content) replace(spotBody, content);

    // The poll in the spotlight, else the open one (the newest)
    const polls = s.polls ?? [];
    const poll = sl?.type === 'poll' ? polls.find((p) => p.id === sl.id) : polls.filter((p) => p.status === 'open').at(-1);
    pollBox.hidden = !poll;
    if (poll) {
      pollBox.setAttribute('aria-label', t('poll.heading'));
      replace(pollBox, pollChart(poll, { headingLevel: 2 }));
    }

    // Themes with votes, most voted first
    const ths = (s.themes ?? []).slice().sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0));
    themes.hidden = ths.length === 0;
    setText(themesHeading, t('display.themes'));
    replace(themesList, ths.map((th) => {
      const n = (th.contributionIds ?? []).filter((id) => (s.contributions ?? []).some((c) => c.id === id)).length;
      return h('li', { class: 'd-theme' }, h('span', { class: 'd-theme-label' }, th.label),
        h('span', { class: 'd-theme-meta' }, t('themes.size', { count: n }), ' · ', t('votes.total', { count: th.votes ?? 0 })));
    }));

    // Newest contributions
    const cs = (s.contributions ?? []).filter((c) => !c.hidden).slice()
      .sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0)).slice(0, RECENT);
    setText(recentHeading, t('display.recent', { count: (s.contributions ?? []).length }));
    recentEmpty.hidden = cs.length > 0;
    setText(recentEmpty, t('display.none'));
    replace(recentList, cs.map((c) => h('li', { class: 'd-card' },
      h('span', { class: 'd-kind' }, t(`kinds.${c.kind ?? 'idea'}`)), h('span', { class: 'd-text', lang: langOf(c) }, c.text))));
  }
  conn.on('state', render);
  onLangChange(render);
  watchConnection(conn, { linkRole: true });
  conn.connect();
}

start();
