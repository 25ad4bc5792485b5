// The facilitator console (/f/#token): everything a participant sees, plus the agenda, the
// timer, ready count, hands, theme suggestions and merging, polls, participation, the people in
// the workshop (and removing someone), links to share (join, display, co-facilitators), reports
// and the end.
import { $, h, place, replace, setText } from './dom.js';
import { Connection } from './connection.js';
import { CLOSE } from './wire.js';
import { formatNumber, getLang, onLangChange, t } from './i18n.js';
import { announce, errorText, initShell, showError, watchConnection, whileBusy } from './shell.js';
import { createBoard } from './components/board.js';
import { createCompose } from './components/compose.js';
import { createCopyField } from './components/copy.js';
import { createDialog } from './components/dialog.js';
import { createInvite } from './components/invite.js';
import { createSuggestions } from './components/suggestions.js';
import { createThemeEditing } from './components/theme-editing.js';
import { createAgenda } from './components/agenda.js';
import { createActions } from './components/actions.js';
import { createSeries } from './components/series.js';
import { createEndSpotlight, createRoom } from './components/room.js';
import { groupLabel } from './components/card.js';
import { pollChart } from './components/pollchart.js';
import { announceEvents, createGoneNotice, createPhaseBox, createSpotlight, makeCtx } from './live.js';
import { facilitatorPath, mergeArgs, mergeProblem, peopleOf, suggestedMergeLabel } from './manage.js';
import { KEYS, takePageToken, watchPageToken } from './storage.js';
import { participation } from './stats.js';
import { postJson } from './api.js';

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
  ctx.openMerge = openMerge;
  const send = (name, args = {}) => conn.send(name, args).catch((e) => { showError(e); throw e; });
  const quiet = (p) => p.catch(() => {});

  const phase = createPhaseBox(ctx);
  const spotlight = createSpotlight(ctx);
  const compose = createCompose(ctx);
  const board = createBoard(ctx);

  const agenda = createAgenda(ctx);

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

  // Ready and hands, and ending the spotlight (at the top, wherever it was started).
  const room = createRoom(ctx);
  const endSpot = createEndSpotlight(ctx);

  // Theme suggestions
  const sugg = createSuggestions(ctx);
  const themeEditing = createThemeEditing(ctx);

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
  // Plain words first: most people want a Word document or a PDF; the rest are for those who know them.
  const reportBtns = ['docx', 'pdf', 'csv', 'md', 'json'].map((f) => {
    const b = button('secondary small', () => download(f), `report-${f}`);
    b._format = f;
    return b;
  });
  const endBtn = button('danger', () => {
    if (!window.confirm(t('fac.endConfirm'))) return;
    quiet(send('workshop.end').then(() => announce(t('ws.ended'))));
  }, 'end-btn');
  wrap.el.append(reportHint, h('div', { class: 'actions' }, ...reportBtns), h('p', {}, endBtn));

  // Invite people: the join code, its QR code and link, who may join, the display link, your own link.
  const invite = createInvite(ctx, { token });

  // Co-facilitators: POST /api/workshops/{id}/facilitators; each link is shown once, on this page.
  const cofac = panel('cofac');
  const cofacHint = h('p', { class: 'note', id: 'cofac-hint' });
  const cofacNameLabel = h('label', { for: 'cofac-name' });
  const cofacName = h('input', { id: 'cofac-name', type: 'text', maxlength: 80, autocomplete: 'off',
    'aria-describedby': 'cofac-hint' });
  const cofacBtn = h('button', { type: 'submit', class: 'secondary', id: 'cofac-create' });
  const cofacForm = h('form', { class: 'cofac-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); inviteCofac(); } },
    h('div', { class: 'field' }, cofacNameLabel, cofacName), cofacBtn);
  const cofacList = h('ul', { class: 'cofac-links', id: 'cofac-links' });
  cofac.el.append(cofacHint, cofacForm, cofacList);
  const invites = []; // {name, participantId, url, field, once}, newest first

  // People: everyone in the workshop, and removing someone (after a confirmation).
  const peoplePanel = panel('people');
  peoplePanel.heading.setAttribute('tabindex', '-1');
  const peopleHint = h('p', { class: 'hint' });
  const peopleList = h('ul', { class: 'people', 'aria-labelledby': 'people-heading' });
  peoplePanel.el.append(peopleHint, peopleList);
  const personRows = new Map(); // participant id -> {el, update}

  // The two dialogs: merging themes, and confirming a removal.
  const mergeDialog = createDialog('merge-dialog', { onSubmit: submitMerge });
  const mergeHint = h('p', { class: 'hint', id: 'merge-hint' });
  const mergeLegend = h('legend');
  const mergeOptions = h('div', { class: 'options', id: 'merge-options' });
  const mergeLabelLabel = h('label', { for: 'merge-label' });
  const mergeLabel = h('input', { id: 'merge-label', type: 'text', maxlength: 120, autocomplete: 'off',
    'aria-describedby': mergeDialog.errorId, oninput: () => { mergeLabelTouched = true; mergeLabel.removeAttribute('aria-invalid'); } });
  const mergeSubmit = h('button', { type: 'submit', id: 'merge-submit' });
  const mergeCancel = h('button', { type: 'button', class: 'secondary', id: 'merge-cancel', onclick: () => mergeDialog.close() });
  mergeDialog.el.setAttribute('aria-describedby', 'merge-hint');
  mergeDialog.body.append(mergeHint, h('fieldset', {}, mergeLegend, mergeOptions),
    h('div', { class: 'field' }, mergeLabelLabel, mergeLabel));
  mergeDialog.actions.append(mergeSubmit, mergeCancel);
  const mergeRows = new Map(); // theme id -> {el, box, update}
  let mergeLabelTouched = false;

  const removeDialog = createDialog('remove-dialog');
  const removeText = h('p', { id: 'remove-text' });
  const removeFacText = h('p', { hidden: true });
  const removeFinal = h('p', { class: 'strong' });
  const removeCancel = h('button', { type: 'button', class: 'secondary', id: 'remove-cancel', onclick: () => removeDialog.close() });
  const removeConfirm = h('button', { type: 'button', class: 'danger', id: 'remove-confirm', onclick: confirmRemove });
  removeDialog.el.setAttribute('aria-describedby', 'remove-text');
  removeDialog.body.append(removeText, removeFacText, removeFinal);
  removeDialog.actions.append(removeCancel, removeConfirm);
  let removing = null; // {id, name, role}

  const loading = h('p', { class: 'hint' }, t('ws.connecting'));
  const controls = h('div', { class: 'console-controls', hidden: true },
    agenda.el, timer.el, room.el, invite.el, polls.el, sugg.el, themeEditing.el, part.el, peoplePanel.el, cofac.el, wrap.el);
  const mainCol = h('div', { class: 'console-main', hidden: true }, spotlight.el, compose.el, board.el);
  const actions = createActions(ctx);
  const series = createSeries(ctx, { token });
  controls.append(actions.el, series.el);
  replace(root, loading, h('div', { class: 'console-top' }, phase.el, endSpot.el), controls, mainCol, mergeDialog.el, removeDialog.el,
    ...invite.dialogs);

  const me = () => conn.you?.participantId;

  // --- co-facilitators ------------------------------------------------------------------------

  async function inviteCofac() {
    const name = cofacName.value.trim();
    if (!name) { showError(t('cofac.needName')); cofacName.focus(); return; }
    const id = conn.state?.workshop?.id;
    if (!id) return;
    const done = await whileBusy(cofacBtn, cofacForm, async () => {
      const data = await postJson(`/api/workshops/${encodeURIComponent(id)}/facilitators`, { name }, token);
      if (typeof data?.token !== 'string') throw { code: 'INTERNAL' };
      const field = createCopyField(`cofac-link-${invites.length + 1}`);
      const once = h('p', { class: 'hint' });
      invites.unshift({ name, participantId: data.participantId, url: new URL(facilitatorPath(data.token), location.origin).href, field, once });
      cofacName.value = '';
      renderInvites();
      field.input.focus();
      announce(t('cofac.created', { name }));
    });
    if (!done) cofacName.focus();
  }

  function renderInvites() {
    // A co-facilitator removed since is gone from the list: their link opens nothing any more.
    const removed = new Set((conn.state?.participants ?? []).filter((p) => p.removed).map((p) => p.id));
    place(cofacList, invites.filter((inv) => !removed.has(inv.participantId)).map((inv) => {
      inv.field.update({ label: t('cofac.linkFor', { name: inv.name }), value: inv.url, copyLabel: t('cofac.copyFor', { name: inv.name }) });
      setText(inv.once, t('cofac.once'));
      inv.li ??= h('li', { class: 'cofac-link' }, inv.field.el, inv.once);
      return inv.li;
    }));
  }

  // --- people and removing someone ------------------------------------------------------------

  function personRow(id) {
    const name = h('span', { class: 'person-name' });
    const meta = h('span', { class: 'person-meta' });
    const btn = h('button', { type: 'button', class: 'secondary small danger', 'aria-haspopup': 'dialog',
      onclick: () => openRemove(id, btn) });
    const el = h('li', { class: 'person', dataset: { id } }, h('span', { class: 'person-who' }, name, meta), btn);
    let sig = '';
    function update(p, s) {
      setText(name, p.you ? `${p.name} ${t('people.you')}` : p.name);
      const what = p.role === 'facilitator' ? t('people.facilitator') : groupLabel(s, p.group);
      const next = `${what}|${p.online}|${document.documentElement.lang}`;
      if (next !== sig) {
        sig = next;
        replace(meta, what ? `${what} · ` : '', h('span', { 'aria-hidden': 'true' }, p.online ? '● ' : '○ '),
          p.online ? t('people.online') : t('people.offline'));
      }
      el.classList.toggle('offline', !p.online);
      btn.hidden = !p.removable;
      setText(btn, t('people.remove'));
      btn.setAttribute('aria-label', t('people.removeNamed', { name: p.name }));
    }
    return { el, update };
  }

  function renderPeople(s) {
    const people = peopleOf(s, me());
    setText(peoplePanel.heading, t('people.heading', { count: people.length }));
    setText(peopleHint, t('people.hint'));
    const els = people.map((p) => {
      let row = personRows.get(p.id);
      if (!row) { row = personRow(p.id); personRows.set(p.id, row); }
      row.update(p, s);
      return row.el;
    });
    const focusWasIn = peopleList.contains(document.activeElement);
    place(peopleList, els);
    for (const id of [...personRows.keys()]) if (!people.some((p) => p.id === id)) personRows.delete(id);
    // The row with focus went (someone else removed that person): the heading, not the page top.
    if (focusWasIn && !peopleList.contains(document.activeElement) && !removeDialog.isOpen) peoplePanel.heading.focus();
    if (removing && removeDialog.isOpen) renderRemove();
  }

  function openRemove(id, from) {
    const p = peopleOf(conn.state, me()).find((x) => x.id === id);
    if (!p?.removable) return;
    removing = { id: p.id, name: p.name, role: p.role };
    renderRemove();
    removeDialog.open(removeCancel, { from, fallback: () => peoplePanel.heading });
  }

  function renderRemove() {
    if (!removing) return;
    const { name, role } = removing;
    setText(removeDialog.heading, t('remove.title', { name }));
    setText(removeText, t('remove.body', { name }));
    removeFacText.hidden = role !== 'facilitator';
    setText(removeFacText, t('remove.facilitator', { name }));
    setText(removeFinal, t('remove.final'));
    setText(removeCancel, t('remove.cancel'));
    setText(removeConfirm, t('remove.confirm', { name }));
  }

  function confirmRemove() {
    const target = removing;
    if (!target) return;
    removeDialog.busy(true);
    conn.send('participant.remove', { id: target.id }).then(() => {
      removeDialog.busy(false);
      removeDialog.close(peoplePanel.heading);
      announce(t('remove.done', { name: target.name }));
    }).catch((e) => {
      removeDialog.busy(false);
      // Already gone (another facilitator was quicker): nothing left to do.
      if (e.code === 'NOT_FOUND') removeDialog.close(peoplePanel.heading);
      else removeDialog.error(errorText(e));
    });
  }

  // --- merging themes -------------------------------------------------------------------------

  function openMerge(from) {
    const s = conn.state;
    if (!s) return;
    for (const row of mergeRows.values()) row.box.checked = false;
    mergeLabel.value = '';
    mergeLabel.removeAttribute('aria-invalid');
    mergeLabelTouched = false;
    renderMerge(s);
    mergeDialog.open(mergeOptions.querySelector('input'), { from, fallback: () => $('themes-heading') });
  }

  function mergeChosen() {
    return [...mergeRows].filter(([, row]) => row.box.checked).map(([id]) => id);
  }

  function mergeRow(id) {
    const box = h('input', { type: 'checkbox', id: `merge-${id}`, value: id, onchange: () => {
      mergeDialog.error('');
      if (!mergeLabelTouched) mergeLabel.value = suggestedMergeLabel(conn.state?.themes, mergeChosen());
    } });
    const label = h('label', { for: `merge-${id}` });
    const el = h('div', { class: 'check' }, box, label);
    let sig = null;
    function update(theme, shownIds) {
      const size = (theme.contributionIds ?? []).filter((c) => shownIds.has(c)).length;
      const next = `${theme.label}|${size}|${theme.votes ?? 0}|${document.documentElement.lang}`;
      if (next === sig) return;
      sig = next;
      replace(label, theme.label, ' ', h('span', { class: 'hint' },
        `(${t('themes.size', { count: size })}, ${t('votes.total', { count: theme.votes ?? 0 })})`));
    }
    return { el, box, update };
  }

  function renderMerge(s) {
    setText(mergeDialog.heading, t('merge.title'));
    setText(mergeHint, t('merge.hint'));
    setText(mergeLegend, t('merge.choose'));
    setText(mergeLabelLabel, t('merge.label'));
    setText(mergeSubmit, t('merge.submit'));
    setText(mergeCancel, t('merge.cancel'));
    const themes = s.themes ?? [];
    const shownIds = new Set((s.contributions ?? []).filter((c) => !c.hidden).map((c) => c.id));
    const focusWasIn = mergeOptions.contains(document.activeElement);
    place(mergeOptions, themes.map((theme) => {
      let row = mergeRows.get(theme.id);
      if (!row) { row = mergeRow(theme.id); mergeRows.set(theme.id, row); }
      row.update(theme, shownIds);
      return row.el;
    }));
    for (const id of [...mergeRows.keys()]) if (!themes.some((x) => x.id === id)) mergeRows.delete(id);
    if (focusWasIn && !mergeOptions.contains(document.activeElement)) (mergeOptions.querySelector('input') ?? mergeLabel).focus();
  }

  function submitMerge() {
    const themes = conn.state?.themes ?? [];
    const ids = mergeChosen();
    const problem = mergeProblem(themes, ids, mergeLabel.value);
    if (problem) {
      mergeDialog.error(t(problem));
      if (problem === 'merge.needTwo') (mergeOptions.querySelector('input:not(:checked)') ?? mergeLabel).focus();
      else { mergeLabel.setAttribute('aria-invalid', 'true'); mergeLabel.focus(); }
      return;
    }
    const args = mergeArgs(themes, ids, mergeLabel.value);
    mergeDialog.busy(true);
    conn.send('theme.merge', args).then(({ result }) => {
      mergeDialog.busy(false);
      // The new theme's events came before this ack, so it is on the board: focus goes to it.
      const made = result?.id ? $(`theme-h-${result.id}`) : null;
      mergeDialog.close(made ?? undefined);
      announce(t('merge.done', { label: args.label }));
    }).catch((e) => {
      mergeDialog.busy(false);
      mergeDialog.error(errorText(e));
    });
  }

  async function download(format) {
    const id = conn.state?.workshop?.id;
    if (!id) return;
    try {
      const res = await fetch(`/api/workshops/${encodeURIComponent(id)}/report?format=${format}&lang=${getLang()}`,
        { headers: { Authorization: `Bearer ${token}` } });
      if (!res.ok) {
        let e = null;
        try { e = (await res.json()).error; } catch { /* not JSON */ }
        throw { code: res.status === 404 ? 'REPORT_MISSING' : e?.code ?? 'INTERNAL', message: e?.message };
      }
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      // The server names the file for the workshop and its date (Content-Disposition).
      const named = /filename="?([^";]+)"?/.exec(res.headers.get('Content-Disposition') ?? '');
      const a = h('a', { href: url, download: named ? named[1] : `common-ground-report-${id}.${format}` });
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
    const lobby = w.status === 'lobby';
    const p = s.phase ?? {};
    phase.update(s);
    spotlight.update(s);
    compose.update(s);
    board.update(s);

    agenda.update(s);
    endSpot.update(s);
    actions.update(s);
    series.update(s);

    setText(timer.heading, t('timer.heading'));
    timer.el.hidden = ended || lobby;
    setText(pauseBtn, p.status === 'paused' ? t('timer.resume') : t('timer.pause'));
    pauseBtn.disabled = !(p.status === 'running' || p.status === 'paused');
    for (const b of extend) {
      setText(b, b._seconds > 0 ? t('timer.add', { count: b._seconds / 60 }) : t('timer.less', { count: -b._seconds / 60 }));
    }

    room.update(s);

    invite.update(s);

    setText(cofac.heading, t('cofac.heading'));
    setText(cofacHint, t('cofac.hint'));
    setText(cofacNameLabel, t('cofac.name'));
    setText(cofacBtn, t('cofac.create'));
    cofacForm.hidden = ended;
    renderInvites();

    renderPeople(s);
    if (mergeDialog.isOpen) renderMerge(s);

    sugg.update(s);
    themeEditing.update(s);

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
  watchConnection(conn, { linkRole: true, onFinal: (e) => {
    if (e.code !== CLOSE.REMOVED) return false;
    // This facilitator was removed by another one (or the workshop was deleted): say so calmly.
    mergeDialog.close();
    removeDialog.close();
    const notice = createGoneNotice(e.reason);
    replace(root, notice.el);
    notice.focus();
    return true;
  } });
  conn.connect();
}

start();
