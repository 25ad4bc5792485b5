// The console's agenda: start, back, next, and "go to" any part. Before the start only "Start" is
// offered (a "Next part" there would only puzzle). Going back asks first, because the part carries
// on with the time it had left rather than starting afresh.
import { h, replace, setText } from '../dom.js';
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

  let sig = null;
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
    const phases = state.phases ?? [];
    const next = JSON.stringify([phases.map((d) => [d.title, d.minutes, d.prompt]), p.index, w.status, document.documentElement.lang]);
    if (next === sig) return;
    sig = next;
    // Redrawn even with focus in it (a "Go to" just pressed): focus then goes to the same row.
    const focusRow = [...list.children].findIndex((li) => li.contains(document.activeElement));
    replace(list, phases.map((def, i) => {
      const word = i === p.index ? (m.lobby ? t('agenda.first') : t('agenda.now')) : i < p.index ? t('agenda.done') : '';
      const go = i === p.index || ended ? null : h('button', { type: 'button', class: 'secondary small',
        'aria-label': t('agenda.gotoNamed', { title: def.title }), 'aria-haspopup': i < p.index && !m.lobby ? 'dialog' : null,
        onclick: () => goto(i) }, t('agenda.goto'));
      return h('li', { class: i === p.index ? 'current' : '', 'aria-current': i === p.index ? 'step' : null },
        h('span', { class: 'agenda-title' }, def.title),
        h('span', { class: 'hint' }, ' ', t('agenda.minutes', { count: def.minutes }), word ? ` · ${word}` : ''),
        go ? ' ' : null, go,
        def.prompt ? h('p', { class: 'hint agenda-prompt' }, def.prompt) : null);
    }));
    if (focusRow >= 0) (list.children[focusRow]?.querySelector('button') ?? heading).focus();
  }

  return { el, controls, update };
}
