// The participant's live view: phase and countdown, spotlight, hand and ready, polls,
// writing, and the board of contributions and themes.
import { $, h, replace } from './dom.js';
import { Connection } from './connection.js';
import { onLangChange, t } from './i18n.js';
import { showError, watchConnection } from './shell.js';
import { createBoard } from './components/board.js';
import { createCompose } from './components/compose.js';
import { announceEvents, createGoneNotice, createPhaseBox, createPolls, createSpotlight, createTools, makeCtx } from './live.js';
import { KEYS, forgetWorkshop, rememberPerson } from './storage.js';
import { CLOSE } from './wire.js';
import { createActions } from './components/actions.js';
import { outcomesPath } from './components/series.js';
import { askToConfirm } from './components/confirm.js';

/**
 * Opens the live view in `root` for this token; onLeave(reason) when it is over for good. By then
 * this browser holds nothing of the workshop any more (token, drafts, unsent posts, answers): the
 * next person on a shared device must find no trace of it.
 */
export function openParticipant(root, token, { onLeave } = {}) {
  const conn = new Connection(token);
  // Who this device is here, kept up to date (a new join code, a new title) so the join link opened
  // again in another tab, or after a restart, brings the same person back.
  const remember = () => {
    const w = conn.state?.workshop;
    if (w?.id && conn.you?.role === 'participant') {
      rememberPerson({ token, workshopId: w.id, joinCode: w.joinCode ?? '', title: w.title ?? '' });
    }
  };
  conn.on('welcome', remember);
  conn.on('event', (ev) => { if (ev.name === 'workshop.updated') remember(); });
  const over = (reason) => {
    forgetWorkshop({ tokens: [token], workshopId: conn.state?.workshop?.id });
    onLeave?.(reason);
  };
  const ctx = makeCtx(conn);
  // The prompt is shown above the writing box instead (compose.js): once, where it is needed.
  const phase = createPhaseBox(ctx, { showPrompt: false });
  const spotlight = createSpotlight(ctx);
  const tools = createTools(ctx);
  const polls = createPolls(ctx);
  const compose = createCompose(ctx);
  const board = createBoard(ctx);
  const actions = createActions(ctx);
  // "You said, we did": after the end, or once there are earlier meetings to look back on.
  const outcomes = h('p', { hidden: true }, h('a', { id: 'outcomes-link' }));
  const leave = h('button', { type: 'button', class: 'secondary', id: 'leave', 'aria-haspopup': 'dialog', onclick: async () => {
    const sure = await askToConfirm({ id: 'leave', title: t('ws.leaveTitle'), body: t('ws.leaveConfirm'),
      yes: t('ws.leaveYes'), no: t('ws.leaveNo'), from: leave });
    if (!sure) return;
    conn.close({ forget: true });
    over('left');
  } });
  const loading = h('p', { class: 'hint', id: 'loading' }, t('ws.connecting'));
  const live = h('div', { hidden: true }, phase.el, spotlight.el, outcomes, tools.el, polls.el, compose.el, board.el,
    actions.el);
  replace(root, loading, live, h('p', {}, leave));

  // Focus asked for before the welcome (right after joining) waits for the view: a hidden title cannot
  // take it, and it would be left on the page body, where a screen reader user hears nothing.
  let focusWanted = false;
  const focusTitle = () => $('ws-title')?.focus();
  const render = () => {
    const s = conn.state;
    leave.textContent = t('ws.leave');
    if (!s) return;
    loading.hidden = true;
    live.hidden = false;
    for (const part of [phase, spotlight, tools, polls, compose, board, actions]) part.update(s);
    actions.el.hidden = !s.actions?.length;
    outcomes.hidden = !(s.series?.id && (s.workshop?.status === 'ended' || s.series.meetings?.length > 1));
    if (!outcomes.hidden) {
      outcomes.firstChild.href = outcomesPath(s.series.id);
      outcomes.firstChild.textContent = t('outcomes.link');
    }
    if (focusWanted) {
      focusWanted = false;
      focusTitle();
    }
  };
  conn.on('state', render);
  // Left in another tab of this browser: this tab leaves too, or its next welcome would remember them again.
  const leftElsewhere = (e) => {
    const id = conn.state?.workshop?.id;
    if (!id || e.key !== KEYS.person(id) || e.newValue !== null || e.oldValue === null) return;
    let held = null;
    try { held = JSON.parse(e.oldValue)?.token; } catch { return; }
    if (held !== token) return;
    window.removeEventListener('storage', leftElsewhere);
    conn.close({ forget: true });
    over('left');
  };
  window.addEventListener('storage', leftElsewhere);
  onLangChange(render);
  announceEvents(ctx);
  watchConnection(conn, { onFinal: (e) => {
    compose.el.hidden = true;
    tools.el.hidden = true;
    if (e.code === CLOSE.REMOVED) {
      // Removed by a facilitator: say so calmly, in place of the workshop, and put focus on it.
      const notice = createGoneNotice(e.reason);
      replace(root, notice.el);
      notice.focus();
      over('removed');
      return true;
    }
    // The token opens nothing any more (expired, deleted): the start page says so beside the join form.
    over('invalid');
    return true;
  } });
  conn.on('welcome', ({ resumed }) => { if (!resumed) render(); });
  conn.connect();
  render();
  return { conn, focus: () => { if (live.hidden) focusWanted = true; else focusTitle(); } };
}

export { showError };
