// Parts of the live workshop that the participant and facilitator views share: the phase and
// its countdown, the spotlight, hands and ready, polls, and polite announcements.
import { h, keyedList, setText, replace } from './dom.js';
import { formatNumber, onLangChange, t } from './i18n.js';
import { announce } from './shell.js';
import { createCountdown } from './components/countdown.js';
import { createInlineError } from './components/inline-error.js';
import { createPollChart } from './components/pollchart.js';
import { createSpotlightBody } from './components/spotlight.js';
import { authorText } from './components/card.js';
import { votesRemaining } from './connection.js';
import { KEYS } from './storage.js';

/** What views need to know about the connection, the viewer and the phase's rules. */
export function makeCtx(conn, { facilitator = false } = {}) {
  const ctx = {
    conn,
    facilitator,
    state: () => conn.state ?? {},
    draftKey: (name) => KEYS.draft(conn.key, name),
    /** May this person do `word` (an allow word) now? Facilitators always, until the end. */
    may(word) {
      const s = conn.state;
      if (!s || s.workshop?.status === 'ended') return false;
      if (conn.you?.role === 'display') return false;
      const def = (s.phases ?? [])[s.phase?.index ?? 0];
      // The server sends every part's allow list (its defaults included): nothing is allowed until known.
      const allow = def?.allow ?? [];
      if (facilitator || conn.you?.role === 'facilitator') {
        // Facilitators steer: they may do anything, but their votes, answers and hands would
        // skew the group's, so those follow the phase like everyone's.
        if (word === 'hand' || word === 'poll') return false;
        if (word === 'vote') return allow.includes('vote');
        return true;
      }
      return allow.includes(word);
    },
    /** May this person rename, merge or delete themes now? (settings.themeEditing; facilitators always.) */
    mayEditThemes() {
      return themeEditingAllowed(conn.state, facilitator || conn.you?.role === 'facilitator', ctx.may('group'));
    },
    nameOf(id) {
      return (conn.state?.participants ?? []).find((p) => p.id === id)?.name ?? t('card.someone');
    },
  };
  return ctx;
}

/**
 * Renaming, merging and deleting themes: facilitators always (until the end); participants only
 * where the workshop lets everyone (`themeEditing: "everyone"`) and the part allows grouping.
 * Otherwise the server answers FORBIDDEN, so the controls are not shown at all.
 */
export function themeEditingAllowed(state, isFacilitator, mayGroup) {
  if (!state || state.workshop?.status === 'ended') return false;
  if (isFacilitator) return true;
  return state.workshop?.settings?.themeEditing === 'everyone' && Boolean(mayGroup);
}

export function phaseLine(state) {
  const phases = state.phases ?? [];
  const i = state.phase?.index ?? 0;
  const def = phases[i];
  if (!def) return '';
  return t('phase.of', { n: formatNumber(i + 1), total: formatNumber(phases.length), title: def.title });
}

/** Title, phase, status, countdown, prompt and a note for the lobby or the end. */
export function createPhaseBox(ctx, { titleTag = 'h1', showPrompt = true } = {}) {
  const title = h(titleTag, { id: 'ws-title', class: 'ws-title', tabindex: '-1' });
  const phase = h('p', { class: 'phase-name', id: 'phase-name' });
  const status = h('p', { class: 'phase-status' });
  const countdown = createCountdown(ctx.conn, { onMinuteLeft: () => announce(t('timer.minuteLeft')) });
  const prompt = h('p', { class: 'prompt', id: 'phase-prompt' });
  const note = h('p', { class: 'note', hidden: true });
  const box = h('div', { class: 'phase-box' }, phase, status, countdown.el, prompt);
  const el = h('div', { class: 'phase-area' }, title, box, note);
  function update(state) {
    const w = state.workshop ?? {};
    setText(title, w.title || t('app.workshop'));
    document.title = `${w.title || t('app.workshop')} – ${t('app.name')}`;
    setText(phase, phaseLine(state));
    const p = state.phase ?? {};
    const st = w.status === 'lobby' ? t('phase.status.lobby') : t(`phase.status.${p.status ?? 'pending'}`);
    setText(status, st);
    countdown.update(w.status === 'lobby' ? null : p);
    const def = (state.phases ?? [])[p.index ?? 0];
    setText(prompt, def?.prompt ?? '');
    prompt.hidden = !showPrompt || !def?.prompt;
    const ended = w.status === 'ended';
    note.hidden = !(ended || w.status === 'lobby');
    setText(note, ended ? t('ws.ended') : t('ws.lobby'));
  }
  return { el, update };
}

/** What the facilitator put in the spotlight, for everyone. */
export function createSpotlight() {
  const heading = h('h2', { id: 'spot-heading' });
  const body = createSpotlightBody({ textClass: 'spot-text', metaClass: 'meta', author: authorText, pollHeading: 3,
    shows: (c) => !c.hidden });
  const el = h('section', { class: 'spotlight-box', hidden: true, 'aria-labelledby': 'spot-heading' },
    heading, h('div', { class: 'spot-body' }, body.el));
  function update(state) {
    el.hidden = !body.update(state);
    setText(heading, t('spotlight.heading'));
  }
  return { el, update };
}

/** Hand, ready, votes left, and who has the floor. */
export function createTools(ctx) {
  const me = () => ctx.conn.you?.participantId;
  const floor = h('p', { class: 'floor', hidden: true });
  // Each button's refusal beside it: a phone user scrolled down here never sees the page's top.
  const handError = createInlineError('hand-error');
  const readyError = createInlineError('ready-error');
  const handBtn = h('button', { type: 'button', id: 'hand-btn', class: 'secondary', 'aria-describedby': handError.id, onclick: () => {
    const up = (ctx.state().hands ?? []).includes(me());
    ctx.conn.send(up ? 'hand.lower' : 'hand.raise', {})
      .then(() => { handError.clear(); announce(up ? t('hand.lowered') : t('hand.raised')); })
      .catch((e) => handError.show(e));
  } });
  const handText = h('span', { class: 'hint' });
  const readyBtn = h('button', { type: 'button', id: 'ready-btn', class: 'secondary', 'aria-describedby': readyError.id, onclick: () => {
    const ready = !ctx.state().yourReady;
    ctx.conn.send('ready.set', { ready })
      .then(() => { readyError.clear(); announce(ready ? t('ready.on') : t('ready.off')); })
      .catch((e) => readyError.show(e));
  } });
  const votesLeft = h('p', { class: 'votes-left', id: 'votes-left' });
  const el = h('section', { class: 'tools', 'aria-label': '' }, floor,
    h('div', { class: 'tool-row' }, handBtn, handText), handError.el,
    h('div', { class: 'tool-row' }, readyBtn), readyError.el, votesLeft);
  function update(state) {
    el.setAttribute('aria-label', t('tools.label'));
    const ended = state.workshop?.status === 'ended';
    el.hidden = ended;
    const queue = state.hands ?? [];
    const pos = queue.indexOf(me());
    handBtn.hidden = !ctx.may('hand') && pos < 0;
    setText(handBtn, pos >= 0 ? t('hand.lower') : t('hand.raise'));
    setText(handText, pos >= 0 ? t('hand.position', { n: formatNumber(pos + 1), count: queue.length }) : '');
    readyBtn.setAttribute('aria-pressed', String(Boolean(state.yourReady)));
    // A toggle keeps one name; its state is aria-pressed (and a visible tick), not new words.
    setText(readyBtn, t('ready.mark'));
    const running = state.workshop?.status === 'running';
    readyBtn.hidden = !running;
    const canVote = ctx.may('vote');
    votesLeft.hidden = !canVote;
    setText(votesLeft, t('votes.remaining', { count: votesRemaining(state) }));
    const f = state.floor;
    floor.hidden = !f;
    setText(floor, f === me() ? t('hand.yourTurn') : f ? t('hand.floor', { name: ctx.nameOf(f) }) : '');
  }
  return { el, update };
}

/** Open polls to answer (one answer each, changeable) and results of the others. */
export function createPolls(ctx) {
  const heading = h('h2', { id: 'polls-heading' });
  const list = h('div', { class: 'polls' });
  const el = h('section', { class: 'panel', hidden: true, 'aria-labelledby': 'polls-heading' }, heading, list);

  function pollForm(poll) {
    const legend = h('legend');
    const options = h('div', { class: 'options' });
    const submit = h('button', { type: 'submit', class: 'small' });
    const chart = createPollChart();
    const chartBox = h('div', {}, chart.el);
    // Inside this poll's form, just above its button: where the person who pressed it is looking.
    const error = createInlineError(`poll-error-${poll.id}`);
    const chosen = () => [...form.querySelectorAll('input[type=radio]')].find((r) => r.checked);
    const form = h('form', { class: 'poll-form', onchange: () => error.clear(), onsubmit: (e) => {
      e.preventDefault();
      const checked = chosen();
      if (!checked) { error.show({ key: 'poll.choose' }); return; }
      ctx.conn.send('poll.answer', { pollId: poll.id, option: Number(checked.value) })
        .then(() => { error.clear(); announce(t('poll.thanks')); }).catch((err) => error.show(err));
    } }, h('fieldset', { 'aria-describedby': error.id }, legend, options), error.el, submit);
    const wrap = h('div', { class: 'poll' }, form, chartBox);
    let sig = null;
    function update(p, state) {
      const open = p.status === 'open' && ctx.may('poll');
      form.hidden = !open;
      setText(legend, p.question);
      setText(submit, t('poll.send'));
      const yours = state.yourAnswers?.[p.id];
      const s = `${p.options.join('|')}`;
      if (s !== sig) {
        sig = s;
        replace(options, p.options.map((o, i) => h('div', { class: 'check' },
          h('input', { type: 'radio', name: `poll-${p.id}`, id: `poll-${p.id}-${i}`, value: String(i), checked: yours === i }),
          h('label', { for: `poll-${p.id}-${i}` }, o))));
      }
      // Results show once you have answered, or when the poll is closed, so nobody is swayed first.
      const showChart = !open || yours != null || ctx.facilitator;
      chartBox.hidden = !showChart;
      if (showChart) chart.update(p, { yourAnswer: yours ?? null });
    }
    return { el: wrap, update };
  }
  const syncForms = keyedList(list, pollForm);

  function update(state) {
    const polls = (state.polls ?? []).slice().sort((a, b) => (a.status === 'open' ? -1 : 0) - (b.status === 'open' ? -1 : 0));
    el.hidden = polls.length === 0;
    setText(heading, t('poll.heading'));
    syncForms(polls, state);
  }
  return { el, update };
}

/** Polite announcements: new contributions from others, phase changes, polls, the floor. */
export function announceEvents(ctx) {
  ctx.conn.on('event', (ev) => {
    const s = ctx.state();
    const d = ev.data ?? {};
    switch (ev.name) {
      case 'contribution.added': {
        const c = d.contribution;
        if (!c || c.hidden) return;
        if (ev.by && ev.by === ctx.conn.you?.participantId) return;
        if (ctx.conn.outbox.some((o) => o.name === 'contribution.add' && o.args?.text === c.text)) return;
        const text = c.text.length > 140 ? `${c.text.slice(0, 139)}…` : c.text;
        announce(t('announce.new', { kind: t(`kinds.${c.kind ?? 'idea'}`), who: authorText(s, c), text }));
        break;
      }
      case 'phase.changed':
        announce(t('announce.phase', { phase: phaseLine(s), status: t(`phase.status.${d.phase?.status ?? 'running'}`) }));
        break;
      case 'poll.opened':
        announce(t('announce.poll', { question: d.poll?.question ?? '' }));
        break;
      case 'floor.given':
        if (d.participantId === ctx.conn.you?.participantId) announce(t('hand.yourTurn'));
        break;
      case 'workshop.ended':
        announce(t('ws.ended'));
        break;
      case 'theme.created':
        announce(t('announce.theme', { label: d.theme?.label ?? '' }));
        break;
      default:
    }
  });
}

/**
 * What someone sees when the server has closed their connection for good with 4403: they were
 * removed (or, rarely, the whole workshop was deleted). Calm words and a way on, not an error box.
 */
export function createGoneNotice(reason) {
  const deleted = /deleted/i.test(String(reason ?? ''));
  const heading = h('h1', { id: 'removed-heading', tabindex: '-1' });
  const body = h('p', { id: 'removed-text' });
  const help = h('p', { hidden: deleted });
  const home = h('a', { href: '/' });
  const el = h('section', { class: 'gone', id: 'removed', 'aria-labelledby': 'removed-heading' },
    heading, body, help, h('p', {}, home));
  // The page's title says it too (it is what a screen reader reads first, and what a tab shows).
  const title = () => { if (el.isConnected) document.title = `${heading.textContent} – ${t('app.name')}`; };
  const update = () => {
    setText(heading, deleted ? t('removed.deletedHeading') : t('removed.heading'));
    title();
    setText(body, deleted ? t('removed.deletedBody') : t('removed.body'));
    setText(help, t('removed.help'));
    setText(home, t('removed.home'));
  };
  update();
  onLangChange(update);
  return { el, focus: () => { title(); heading.focus(); } };
}
