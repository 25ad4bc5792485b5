// The facilitator console (/f/#token): everything a participant sees, plus the agenda, the
// timer, ready count, hands, theme suggestions, polls, participation, reports and the end.
import { $, h, replace, setText } from './dom.js';
import { Connection } from './connection.js';
import { formatNumber, onLangChange, t } from './i18n.js';
import { announce, initShell, showError, watchConnection } from './shell.js';
import { createBoard } from './components/board.js';
import { createCompose } from './components/compose.js';
import { groupLabel } from './components/card.js';
import { pollChart } from './components/pollchart.js';
import { announceEvents, createPhaseBox, createSpotlight, makeCtx } from './live.js';
import { participation } from './stats.js';

function panel(id, ...children) {
  const heading = h('h2', { id: `${id}-heading` });
  const el = h('section', { class: 'panel', id, 'aria-labelledby': `${id}-heading` }, heading, ...children);
  return { el, heading };
}

function button(cls, onclick, id) {
  return h('button', { type: 'button', class: cls, onclick, id });
}

function start() {
  initShell();
  let token = '';
  try { token = decodeURIComponent(location.hash.slice(1)); } catch { /* mangled link */ }
  const root = $('console');
  if (!token) {
    replace(root, h('h1', {}, t('fac.noToken')), h('p', {}, h('a', { href: '/' }, t('fac.home'))));
    return;
  }
  // The token stays out of history entries that might be shared; the page keeps it in memory.
  const conn = new Connection(token);
  const ctx = makeCtx(conn, { facilitator: true });
  const send = (name, args = {}) => conn.send(name, args).catch((e) => { showError(e); throw e; });
  const quiet = (p) => p.catch(() => {});

  const phase = createPhaseBox(ctx);
  const spotlight = createSpotlight(ctx);
  const compose = createCompose(ctx);
  const board = createBoard(ctx);

  // Agenda
  const agenda = panel('agenda');
  const agendaList = h('ol', { class: 'agenda-list' });
  const startBtn = button('', () => quiet(send('phase.start')), 'phase-start');
  const prevBtn = button('secondary', () => quiet(send('phase.prev', { from: conn.state.phase.index })), 'phase-prev');
  const nextBtn = button('', () => quiet(send('phase.next', { from: conn.state.phase.index })), 'phase-next');
  agenda.el.append(h('div', { class: 'actions' }, startBtn, prevBtn, nextBtn), agendaList);

  // Timer
  const timer = panel('timer');
  const pauseBtn = button('secondary', () => {
    const p = conn.state.phase;
    quiet(send(p.status === 'paused' ? 'timer.resume' : 'timer.pause'));
  }, 'timer-pause');
  const extend = [60, 300, -60].map((s) => {
    const b = button('secondary small', () => quiet(send('timer.extend', { seconds: s })));
    b._seconds = s;
    return b;
  });
  timer.el.append(h('div', { class: 'actions' }, pauseBtn, ...extend));

  // Ready and hands
  const room = panel('room');
  const readyText = h('p', { class: 'big-number', id: 'ready-count' });
  const onlineText = h('p', { class: 'hint' });
  const handsHeading = h('h3', { id: 'hands-heading' });
  const handsList = h('ol', { class: 'hands', 'aria-labelledby': 'hands-heading' });
  const handsEmpty = h('p', { class: 'empty' });
  const floorBtn = button('', () => send('hand.next').then(({ result }) => {
    if (result?.participantId) announce(t('hand.floor', { name: ctx.nameOf(result.participantId) }));
  }).catch(() => {}), 'hand-next');
  room.el.append(readyText, onlineText, handsHeading, handsEmpty, handsList, floorBtn);

  // Theme suggestions
  const sugg = panel('suggest');
  const suggHint = h('p', { class: 'hint' });
  const suggBtn = button('secondary', () => {
    suggBtn.disabled = true;
    conn.send('themes.suggest', {}).then(() => announce(t('suggest.ready')))
      // INTERNAL here means the suggestion model is not available; grouping by hand still works.
      .catch((e) => showError(e.code === 'INTERNAL' ? t('suggest.unavailable') : e))
      .finally(() => { suggBtn.disabled = false; });
  }, 'suggest-btn');
  const acceptAll = button('', () => quiet(send('themes.accept').then(({ result }) =>
    announce(t('suggest.accepted', { count: result?.themeIds?.length ?? 0 })))), 'accept-all');
  const suggList = h('ul', { class: 'suggestions' });
  sugg.el.append(suggHint, h('div', { class: 'actions' }, suggBtn, acceptAll), suggList);

  // Polls
  const polls = panel('polls');
  const ladderBtn = button('', () => quiet(send('poll.open', { template: 'ladder' }).then(() => announce(t('polls.opened')))), 'ladder-btn');
  const qLabel = h('label', { for: 'poll-question' });
  const qInput = h('input', { id: 'poll-question', type: 'text', maxlength: 300 });
  const oLabel = h('label', { for: 'poll-options' });
  const oHint = h('p', { class: 'hint', id: 'poll-options-hint' });
  const oInput = h('textarea', { id: 'poll-options', rows: 3, 'aria-describedby': 'poll-options-hint' });
  const openBtn = h('button', { type: 'submit', class: 'secondary' });
  const pollForm = h('form', { class: 'poll-new', onsubmit: (e) => {
    e.preventDefault();
    const question = qInput.value.trim();
    const options = oInput.value.split('\n').map((s) => s.trim()).filter(Boolean);
    if (!question || options.length < 2 || options.length > 10) { showError(t('polls.needOptions')); qInput.focus(); return; }
    quiet(send('poll.open', { question, options }).then(() => { qInput.value = ''; oInput.value = ''; announce(t('polls.opened')); }));
  } }, h('div', { class: 'field' }, qLabel, qInput), h('div', { class: 'field' }, oLabel, oHint, oInput), openBtn);
  const pollList = h('div', { class: 'polls' });
  polls.el.append(h('p', {}, ladderBtn), pollForm, pollList);

  // Participation
  const part = panel('participation');
  const partTable = h('div');
  part.el.append(partTable);

  // Reports and end
  const wrap = panel('wrapup');
  const reportHint = h('p', { class: 'hint' });
  const reportBtns = ['md', 'json', 'csv'].map((f) => {
    const b = button('secondary small', () => download(f), `report-${f}`);
    b._format = f;
    return b;
  });
  const endBtn = button('danger', () => {
    if (!window.confirm(t('fac.endConfirm'))) return;
    quiet(send('workshop.end').then(() => announce(t('ws.ended'))));
  }, 'end-btn');
  wrap.el.append(reportHint, h('div', { class: 'actions' }, ...reportBtns), h('p', {}, endBtn));

  const invite = panel('invite');
  const inviteCode = h('p', { class: 'join-code', id: 'invite-code' });
  const inviteLink = h('a', { id: 'invite-link' });
  const inviteQr = h('img', { class: 'invite-qr', width: 160, height: 160, alt: '' });
  invite.el.append(inviteCode, inviteQr, h('p', {}, inviteLink));

  const loading = h('p', { class: 'hint' }, t('ws.connecting'));
  const controls = h('div', { class: 'console-controls', hidden: true },
    agenda.el, timer.el, room.el, invite.el, polls.el, sugg.el, part.el, wrap.el);
  const mainCol = h('div', { class: 'console-main', hidden: true }, spotlight.el, compose.el, board.el);
  replace(root, loading, h('div', { class: 'console-top' }, phase.el), controls, mainCol);

  async function download(format) {
    const id = conn.state?.workshop?.id;
    if (!id) return;
    try {
      const res = await fetch(`/api/workshops/${encodeURIComponent(id)}/report?format=${format}`,
        { headers: { Authorization: `Bearer ${token}` } });
      if (!res.ok) {
        let e = null;
        try { e = (await res.json()).error; } catch { /* not JSON */ }
        throw { code: res.status === 404 ? 'REPORT_MISSING' : e?.code ?? 'INTERNAL', message: e?.message };
      }
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: `common-ground-report-${id}.${format}` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      announce(t('report.downloaded'));
    } catch (err) {
      showError(err.code ? err : { code: 'NETWORK' });
    }
  }

  function render() {
    const s = conn.state;
    if (!s) return;
    loading.hidden = true;
    controls.hidden = mainCol.hidden = false;
    const w = s.workshop ?? {};
    const ended = w.status === 'ended';
    const p = s.phase ?? {};
    const phases = s.phases ?? [];
    phase.update(s);
    spotlight.update(s);
    compose.update(s);
    board.update(s);

    setText(agenda.heading, t('agenda.heading'));
    const lobby = w.status === 'lobby';
    startBtn.hidden = ended || !(lobby || p.status === 'pending');
    setText(startBtn, t('agenda.start'));
    prevBtn.hidden = nextBtn.hidden = ended;
    prevBtn.disabled = (p.index ?? 0) === 0;
    nextBtn.disabled = (p.index ?? 0) >= phases.length - 1;
    setText(prevBtn, t('agenda.prev'));
    setText(nextBtn, t('agenda.next'));
    const items = phases.map((def, i) => {
      const state = i === p.index ? (lobby ? t('agenda.first') : t('agenda.now')) : i < p.index ? t('agenda.done') : '';
      const go = i === p.index || ended ? null : h('button', { type: 'button', class: 'secondary small',
        'aria-label': t('agenda.gotoNamed', { title: def.title }),
        onclick: () => quiet(send('phase.goto', { index: i })) }, t('agenda.goto'));
      return h('li', { class: i === p.index ? 'current' : '', 'aria-current': i === p.index ? 'step' : null },
        h('span', { class: 'agenda-title' }, def.title),
        h('span', { class: 'hint' }, ' ', t('agenda.minutes', { count: def.minutes }), state ? ` · ${state}` : ''),
        go ? ' ' : null, go);
    });
    if (!agendaList.contains(document.activeElement)) replace(agendaList, items);

    setText(timer.heading, t('timer.heading'));
    timer.el.hidden = ended || lobby;
    setText(pauseBtn, p.status === 'paused' ? t('timer.resume') : t('timer.pause'));
    pauseBtn.disabled = !(p.status === 'running' || p.status === 'paused');
    for (const b of extend) {
      setText(b, b._seconds > 0 ? t('timer.add', { count: b._seconds / 60 }) : t('timer.less', { count: -b._seconds / 60 }));
    }

    setText(room.heading, t('room.heading'));
    const people = (s.participants ?? []).filter((x) => x.role === 'participant' && !x.removed);
    const online = people.filter((x) => x.online).length;
    setText(readyText, t('room.ready', { count: s.readyCount ?? 0, total: formatNumber(online) }));
    setText(onlineText, t('room.online', { count: online, total: formatNumber(people.length) }));
    setText(handsHeading, t('room.hands', { count: (s.hands ?? []).length }));
    handsEmpty.hidden = (s.hands ?? []).length > 0;
    setText(handsEmpty, t('room.noHands'));
    replace(handsList, (s.hands ?? []).map((id) => h('li', {}, ctx.nameOf(id))));
    floorBtn.hidden = ended;
    floorBtn.disabled = !(s.hands ?? []).length;
    setText(floorBtn, t('room.next'));

    setText(invite.heading, t('invite.heading'));
    setText(inviteCode, w.joinCode ?? '');
    const joinUrl = new URL(`/j/${String(w.joinCode ?? '').replace('-', '')}`, location.origin).href;
    inviteLink.href = joinUrl;
    if (w.id && !inviteQr.src) inviteQr.src = `/api/workshops/${encodeURIComponent(w.id)}/qr.svg`;
    inviteQr.alt = t('display.qrAlt', { url: joinUrl });
    setText(inviteLink, joinUrl);

    setText(sugg.heading, t('suggest.heading'));
    sugg.el.hidden = ended;
    setText(suggHint, t('suggest.hint'));
    setText(suggBtn, t('suggest.run'));
    const suggestions = s.suggestions ?? [];
    acceptAll.hidden = suggestions.length < 2;
    setText(acceptAll, t('suggest.acceptAll'));
    const byId = new Map((s.contributions ?? []).map((c) => [c.id, c]));
    if (!suggList.contains(document.activeElement)) {
      replace(suggList, suggestions.map((g, i) => {
        const texts = (g.contributionIds ?? []).map((id) => byId.get(id)?.text).filter(Boolean);
        return h('li', { class: 'suggestion' },
          h('p', { class: 'suggestion-label' }, g.label),
          h('p', { class: 'hint' }, t('themes.size', { count: texts.length })),
          h('ul', { class: 'suggestion-items' }, texts.slice(0, 5).map((x) => h('li', {}, x.length > 90 ? `${x.slice(0, 89)}…` : x))),
          h('button', { type: 'button', class: 'small', 'aria-label': t('suggest.acceptNamed', { label: g.label }),
            onclick: () => quiet(send('themes.accept', { indexes: [i] }).then(() => announce(t('themes.created', { label: g.label })))) },
          t('suggest.accept')));
      }));
    }

    setText(polls.heading, t('polls.heading'));
    setText(ladderBtn, t('polls.ladder'));
    ladderBtn.hidden = pollForm.hidden = ended;
    setText(qLabel, t('polls.question'));
    setText(oLabel, t('polls.options'));
    setText(oHint, t('polls.optionsHint'));
    setText(openBtn, t('polls.open'));
    if (!pollList.contains(document.activeElement)) {
      const list = (s.polls ?? []).slice().reverse();
      replace(pollList, list.map((poll) => {
        const spotOn = s.spotlight?.type === 'poll' && s.spotlight.id === poll.id;
        return h('div', { class: 'poll' }, pollChart(poll, { headingLevel: 3 }),
          h('div', { class: 'actions' },
            poll.status === 'open' && !ended ? h('button', { type: 'button', class: 'secondary small',
              'aria-label': t('polls.closeNamed', { question: poll.question }),
              onclick: () => quiet(send('poll.close', { id: poll.id })) }, t('polls.close')) : null,
            ended ? null : h('button', { type: 'button', class: 'secondary small',
              'aria-label': `${spotOn ? t('card.unspotlight') : t('card.spotlight')}: ${poll.question}`,
              onclick: () => quiet(send('spotlight.set', spotOn ? { type: null } : { type: 'poll', id: poll.id })) },
            spotOn ? t('card.unspotlight') : t('card.spotlight'))));
      }));
    }

    setText(part.heading, t('part.heading'));
    const pr = participation(s);
    const rows = pr.rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, groupLabel(s, r.group)),
      h('td', {}, formatNumber(r.people)), h('td', {}, formatNumber(r.posts))));
    if (pr.other) rows.push(h('tr', {}, h('th', { scope: 'row' }, t('part.other')), h('td', {}, formatNumber(pr.other.people)), h('td', {}, formatNumber(pr.other.posts))));
    replace(partTable,
      rows.length ? h('table', { class: 'table' },
        h('caption', { class: 'visually-hidden' }, t('part.heading')),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('part.group')), h('th', { scope: 'col' }, t('part.people')), h('th', { scope: 'col' }, t('part.posts')))),
        h('tbody', {}, rows)) : null,
      h('p', { class: 'hint' }, t('part.rule', { count: pr.min })),
      pr.anonymous ? h('p', { class: 'hint' }, t('part.anonymous', { count: pr.anonymous })) : null);

    setText(wrap.heading, t('wrapup.heading'));
    setText(reportHint, t('report.hint'));
    for (const b of reportBtns) setText(b, t(`report.${b._format}`));
    endBtn.hidden = ended;
    setText(endBtn, t('fac.end'));
  }

  conn.on('state', render);
  onLangChange(render);
  announceEvents(ctx);
  let handsBefore = [];
  conn.on('state', ({ reason }) => {
    // A newly raised hand is announced to the facilitator; lowered ones are not worth a word.
    const now = conn.state?.hands ?? [];
    if (reason === 'event') for (const id of now) if (!handsBefore.includes(id)) announce(t('room.handUp', { name: ctx.nameOf(id) }));
    handsBefore = now;
  });
  watchConnection(conn, { linkRole: true });
  conn.connect();
}

start();
