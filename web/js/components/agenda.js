// The console's agenda: start, back, next, and "go to" any part. Before the start only "Start" is
// offered (a "Next part" there would only puzzle). Going back asks first, because the part carries
// on with the time it had left rather than starting afresh.
import { h, keyedList, place, setText } from '../dom.js';
import { t } from '../i18n.js';
import { askToConfirm } from './confirm.js';
import { createInlineError } from './inline-error.js';

/**
 * What the agenda offers now, and what the moves send. `from` pins a move to the part this console
 * was looking at, so two facilitators pressing at once move the agenda once; the lobby is -1.
 */
export function agendaMoves(state) {
  const w = state?.workshop ?? {};
  const p = state?.phase ?? {};
  const count = (state?.phases ?? []).length;
  const index = p.index ?? 0;
  const ended = w.status === 'ended';
  const lobby = w.status === 'lobby';
  return {
    lobby,
    // In the lobby "Start" is phase.next {from: -1}: pressed twice (or by two people), part 1 starts once.
    start: ended ? null : lobby ? { name: 'phase.next', args: { from: -1 } }
      : p.status === 'pending' ? { name: 'phase.start', args: {} } : null,
    prev: ended || lobby || index === 0 ? null : { name: 'phase.prev', args: { from: index }, to: index - 1 },
    next: ended || lobby || index >= count - 1 ? null : { name: 'phase.next', args: { from: index } },
  };
}

/** ctx: {conn}. */
export function createAgenda(ctx) {
  const heading = h('h2', { id: 'agenda-heading', tabindex: '-1' });
  const error = createInlineError('agenda-error');
  const mk = (id, cls, onclick) => h('button', { type: 'button', id, class: cls, onclick, 'aria-describedby': error.id });
  const startBtn = mk('phase-start', '', () => move('start'));
  const prevBtn = mk('phase-prev', 'secondary', () => move('prev'));
  prevBtn.setAttribute('aria-haspopup', 'dialog');
  const nextBtn = mk('phase-next', '', () => move('next'));
  const list = h('ol', { class: 'agenda-list' });
  // The moves stay in view at the top of the console (controls); the whole agenda, with "Go to" on
  // each part, is one of the console's tools (el).
  const controlsLabel = h('span', { class: 'visually-hidden', id: 'agenda-controls-label' });
  const controls = h('div', { class: 'agenda-controls', role: 'group', 'aria-labelledby': 'agenda-controls-label' },
    controlsLabel, h('div', { class: 'actions' }, startBtn, prevBtn, nextBtn), error.el);
  const el = h('section', { class: 'panel', id: 'agenda', 'aria-labelledby': 'agenda-heading' }, heading, list);

  const titleOf = (i) => (ctx.conn.state?.phases ?? [])[i]?.title ?? '';

  function send(name, args) {
    return ctx.conn.send(name, args).then(() => error.clear()).catch((e) => error.show(e));
  }

  // Going back is not a fresh start, so it is asked first; the dialog is not `danger`: it can be undone.
  const sureToGoBack = (i, from) => askToConfirm({ id: 'back', title: t('agenda.backTitle', { part: titleOf(i) }),
    body: t('agenda.backConfirm'), yes: t('agenda.backYes'), no: t('agenda.backNo'), danger: false, from });

  async function move(which) {
    const m = agendaMoves(ctx.conn.state)[which];
    if (!m) return;
    if (which === 'prev' && !(await sureToGoBack(m.to, prevBtn))) return;
    send(m.name, m.args);
  }

  async function goto(i, from) {
    const here = ctx.conn.state?.phase?.index ?? 0;
    // An earlier part carries on with the time it had left, as "Back" does: the same question first.
    if (i < here && ctx.conn.state?.workshop?.status !== 'lobby' && !(await sureToGoBack(i, from))) return;
    send('phase.goto', { index: i });
  }

  // One row per part, made once: moving the agenda rewrites only the words that changed, so a "Go to"
  // with the focus keeps it.
  function partRow(def, i) {
    const title = h('span', { class: 'agenda-title' });
    const hint = h('span', { class: 'hint' });
    const gap = document.createTextNode(' ');
    const go = h('button', { type: 'button', class: 'secondary small', onclick: () => goto(i) });
    const prompt = h('p', { class: 'hint agenda-prompt' });
    const el = h('li', {});
    function update(d, { index, lobby, ended }) {
      const here = i === index;
      const word = here ? (lobby ? t('agenda.first') : t('agenda.now')) : i < index ? t('agenda.done') : '';
      setText(title, d.title);
      setText(hint, ` ${t('agenda.minutes', { count: d.minutes })}${word ? ` · ${word}` : ''}`);
      setText(go, t('agenda.goto'));
      go.setAttribute('aria-label', t('agenda.gotoNamed', { title: d.title }));
      if (i < index && !lobby) go.setAttribute('aria-haspopup', 'dialog');
      else go.removeAttribute('aria-haspopup');
      setText(prompt, d.prompt ?? '');
      const cls = here ? 'current' : '';
      if (el.className !== cls) el.className = cls;
      if (here) el.setAttribute('aria-current', 'step');
      else el.removeAttribute('aria-current');
      const showGo = !here && !ended;
      place(el, [title, hint, showGo ? gap : null, showGo ? go : null, d.prompt ? prompt : null].filter(Boolean));
    }
    return { el, update };
  }
  const syncParts = keyedList(list, partRow, (d) => d.i);

  function update(state) {
    const m = agendaMoves(state);
    const w = state.workshop ?? {};
    const p = state.phase ?? {};
    const ended = w.status === 'ended';
    setText(heading, t('agenda.heading'));
    setText(controlsLabel, t('agenda.heading'));
    startBtn.hidden = !m.start;
    setText(startBtn, t('agenda.start'));
    prevBtn.hidden = nextBtn.hidden = ended || m.lobby;
    prevBtn.disabled = !m.prev;
    nextBtn.disabled = !m.next;
    setText(prevBtn, t('agenda.prev'));
    setText(nextBtn, t('agenda.next'));
    const focusWasIn = list.contains(document.activeElement);
    syncParts((state.phases ?? []).map((d, i) => ({ ...d, i })), { index: p.index, lobby: m.lobby, ended });
    // The "Go to" with the focus went (its part is now the current one): the heading, not the page top.
    if (focusWasIn && !list.contains(document.activeElement)) heading.focus();
  }

  return { el, controls, update };
}
