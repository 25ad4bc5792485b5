// The display (/d/#token): large type for the room's screen or a screen share. Read-only.
// Names are never shown here: a shared screen is the last place anyone should feel exposed.
import { $, h, replace, setText } from './dom.js';
import { Connection } from './connection.js';
import { onLangChange, t } from './i18n.js';
import { initShell, watchConnection } from './shell.js';
import { createCountdown } from './components/countdown.js';
import { createPollChart } from './components/pollchart.js';
import { createSpotlightBody } from './components/spotlight.js';
import { createRecent, createThemeRanking } from './components/display-lists.js';
import { phaseLine } from './live.js';
import { joinPath, joiningLocked, qrPath } from './manage.js';
import { KEYS, dropOtherTokens, takePageToken, watchPageToken } from './storage.js';

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
  // Polls have a box of their own here, below: the spotlight shows contributions and themes. Words
  // the facilitator hid stay off the room's screen, as they do in the list of newest ones.
  const spotBody = createSpotlightBody({ textClass: 'd-spot-text', metaClass: 'd-meta', itemsClass: 'd-spot-items',
    themeItems: 6, shows: (c) => !c.hidden });
  const spot = h('section', { class: 'd-spotlight', hidden: true, 'aria-labelledby': 'd-spot-heading' }, spotHeading,
    h('div', { class: 'd-spot-body' }, spotBody.el));

  const chart = createPollChart({ headingLevel: 2 });
  const pollBox = h('section', { class: 'd-poll', hidden: true, 'aria-label': '' }, chart.el);

  const themesHeading = h('h2', { id: 'd-themes-heading' });
  const ranking = createThemeRanking();
  const themes = h('section', { class: 'd-section', hidden: true, 'aria-labelledby': 'd-themes-heading' }, themesHeading, ranking.el);

  const recentHeading = h('h2', { id: 'd-recent-heading' });
  const recentList = createRecent();
  const recentEmpty = h('p', { class: 'd-empty' });
  const recent = h('section', { class: 'd-section', 'aria-labelledby': 'd-recent-heading' }, recentHeading, recentEmpty, recentList.el);

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

    const sl = s.spotlight;
    setText(spotHeading, t('spotlight.heading'));
    spot.hidden = !spotBody.update(s);

    // The poll in the spotlight, else the open one (the newest)
    const polls = s.polls ?? [];
    const poll = sl?.type === 'poll' ? polls.find((p) => p.id === sl.id) : polls.filter((p) => p.status === 'open').at(-1);
    pollBox.hidden = !poll;
    if (poll) {
      pollBox.setAttribute('aria-label', t('poll.heading'));
      chart.update(poll);
    }

    setText(themesHeading, t('display.themes'));
    themes.hidden = ranking.update(s) === 0;

    setText(recentHeading, t('display.recent', { count: (s.contributions ?? []).length }));
    recentEmpty.hidden = recentList.update(s) > 0;
    setText(recentEmpty, t('display.none'));
  }
  conn.on('state', render);
  onLangChange(render);
  watchConnection(conn, { linkRole: true });
  conn.connect();
}

start();
