// The facilitator console (/f/#token), laid out as a cockpit: what is happening now (the part, the
// time left, the agenda and timer controls, the spotlight, the room and its hands) and the board stay
// in view together, each pane scrolling by itself; every other tool is one click away in a tab.
import { $, h, replace } from './dom.js';
import { Connection } from './connection.js';
import { CLOSE } from './wire.js';
import { onLangChange, t } from './i18n.js';
import { announce, initShell, watchConnection } from './shell.js';
import { createBoard } from './components/board.js';
import { createBoardPane } from './components/board-pane.js';
import { createCompose } from './components/compose.js';
import { createInvite } from './components/invite.js';
import { createSuggestions } from './components/suggestions.js';
import { createThemeEditing } from './components/theme-editing.js';
import { createAgenda } from './components/agenda.js';
import { createActions } from './components/actions.js';
import { createSeries } from './components/series.js';
import { createTimer } from './components/timer.js';
import { createEndSpotlight, createRoom } from './components/room.js';
import { createPollsAdmin, openPolls } from './components/polls.js';
import { createParticipation } from './components/participation.js';
import { createPeople } from './components/people.js';
import { createCofac } from './components/cofac.js';
import { createMerge } from './components/merge.js';
import { createWrapup } from './components/wrapup.js';
import { createToolsTabs } from './components/tools-tabs.js';
import { announceEvents, createGoneNotice, createPhaseBox, makeCtx } from './live.js';
import { KEYS, takePageToken, watchPageToken } from './storage.js';

/** Several views shown one after another in one tool, as one view. */
function stack(...views) {
  return {
    el: h('div', { class: 'tool-stack' }, views.map((v) => v.el)),
    update: (s) => { for (const v of views) v.update(s); },
    dialogs: views.flatMap((v) => v.dialogs ?? []),
  };
}

const parkedOpen = (s) => (s.contributions ?? []).filter((c) => c.kind === 'parking' && !c.hidden
  && (c.status ?? 'open') === 'open').length;
const openActions = (s) => (s.actions ?? []).filter((a) => a.status === 'open' || a.status === 'in-progress').length;
const peopleOnline = (s) => (s.participants ?? []).filter((p) => !p.removed && p.online).length;

/**
 * The console's tools, in tab order: {id, label (i18n key), create(ctx, env) -> {el, update(state),
 * dialogs?}, count?(state)}. env: {token, agenda, board}. A new tool is one line here (and its label
 * in web/i18n/en.js and cy.js).
 */
const TOOLS = [
  { id: 'agenda', label: 'tabs.agenda', create: (ctx, env) => env.agenda },
  { id: 'write', label: 'tabs.write', create: (ctx) => createCompose(ctx) },
  { id: 'themes', label: 'tabs.themes', create: (ctx) => stack(createSuggestions(ctx), createThemeEditing(ctx)),
    count: (s) => (s.suggestions ?? []).length },
  { id: 'polls', label: 'tabs.polls', create: (ctx) => createPollsAdmin(ctx), count: openPolls },
  { id: 'parking', label: 'tabs.parking', create: (ctx, env) => ({ el: env.board.parking, update() {} }), count: parkedOpen },
  { id: 'people', label: 'tabs.people', create: (ctx) => stack(createParticipation(), createPeople(ctx)), count: peopleOnline },
  { id: 'invite', label: 'tabs.invite', create: (ctx, env) => stack(createInvite(ctx, env), createCofac(ctx, env)) },
  { id: 'actions', label: 'tabs.actions', create: (ctx) => createActions(ctx), count: openActions },
  { id: 'meetings', label: 'tabs.meetings', create: (ctx, env) => createSeries(ctx, env) },
  { id: 'finish', label: 'tabs.finish', create: (ctx, env) => createWrapup(ctx, env) },
];

function start() {
  initShell();
  // Whoever sees this screen or this computer's history must not be able to take the workshop over.
  const token = takePageToken(KEYS.console);
  watchPageToken(KEYS.console);
  const root = $('console');
  if (!token) {
    replace(root, h('h1', {}, t('fac.noToken')), h('p', {}, h('a', { href: '/' }, t('fac.home'))));
    return;
  }
  const conn = new Connection(token);
  const ctx = makeCtx(conn, { facilitator: true });
  const merge = createMerge(ctx);
  ctx.openMerge = merge.open;
  ctx.reveal = (node) => tools.reveal(node);

  // Now: the part and its time, the moves, the spotlight, the room and its hands.
  const phase = createPhaseBox(ctx);
  const agenda = createAgenda(ctx);
  const timer = createTimer(ctx);
  const endSpot = createEndSpotlight(ctx);
  const room = createRoom(ctx);
  const now = h('section', { class: 'now', id: 'now', 'aria-labelledby': 'ws-title' },
    h('div', { class: 'now-main' }, phase.el, h('div', { class: 'now-controls' }, agenda.controls, timer.el), endSpot.el),
    h('div', { class: 'now-room' }, room.el));

  const board = createBoard(ctx, { cockpit: true });
  const boardPane = createBoardPane(ctx, board);

  const env = { token, agenda, board };
  const toolViews = TOOLS.map((tool) => ({ ...tool, view: tool.create(ctx, env) }));
  const tools = createToolsTabs(toolViews);

  const loading = h('p', { class: 'hint' }, t('ws.connecting'));
  const grid = h('div', { class: 'cockpit-grid', hidden: true }, now, boardPane.el, tools.el);
  replace(root, loading, grid, merge.dialog.el, ...toolViews.flatMap((x) => x.view.dialogs ?? []));

  const views = [phase, agenda, timer, endSpot, room, boardPane, tools, merge];
  function render() {
    const s = conn.state;
    if (!s) return;
    loading.hidden = true;
    grid.hidden = false;
    for (const v of views) v.update(s);
  }

  conn.on('state', render);
  onLangChange(render);
  announceEvents(ctx);
  let handsBefore = [];
  conn.on('state', ({ reason }) => {
    // A newly raised hand is announced to the facilitator; lowered ones are not worth a word.
    const up = conn.state?.hands ?? [];
    if (reason === 'event') for (const id of up) if (!handsBefore.includes(id)) announce(t('room.handUp', { name: ctx.nameOf(id) }));
    handsBefore = up;
  });
  watchConnection(conn, { linkRole: true, onFinal: (e) => {
    if (e.code !== CLOSE.REMOVED) return false;
    // This facilitator was removed by another one (or the workshop was deleted): say so calmly.
    for (const d of document.querySelectorAll('dialog[open]')) d.close();
    const notice = createGoneNotice(e.reason);
    replace(root, notice.el);
    notice.focus();
    return true;
  } });
  conn.connect();
}

start();
