// The console's timer controls, beside the agenda's: pause or resume, and a minute or five more
// (or one less). The time left itself is the phase box's countdown, in view above them.
import { h, setText } from '../dom.js';
import { t } from '../i18n.js';
import { createInlineError } from './inline-error.js';

/** ctx: {conn} */
export function createTimer(ctx) {
  const error = createInlineError('timer-error');
  const send = (name, args = {}) => ctx.conn.send(name, args).then(() => error.clear()).catch((e) => error.show(e));
  const pauseBtn = h('button', { type: 'button', class: 'secondary small', id: 'timer-pause', 'aria-describedby': error.id,
    onclick: () => send(ctx.conn.state?.phase?.status === 'paused' ? 'timer.resume' : 'timer.pause') });
  const extend = [60, 300, -60].map((seconds) => {
    const b = h('button', { type: 'button', class: 'secondary small', 'aria-describedby': error.id,
      onclick: () => send('timer.extend', { seconds }) });
    b._seconds = seconds;
    return b;
  });
  const label = h('span', { class: 'visually-hidden', id: 'timer-heading' });
  const el = h('div', { class: 'timer-controls', role: 'group', 'aria-labelledby': 'timer-heading' },
    label, h('div', { class: 'actions' }, pauseBtn, ...extend), error.el);

  function update(s) {
    const w = s.workshop ?? {};
    const p = s.phase ?? {};
    setText(label, t('timer.heading'));
    el.hidden = w.status === 'ended' || w.status === 'lobby';
    setText(pauseBtn, p.status === 'paused' ? t('timer.resume') : t('timer.pause'));
    pauseBtn.disabled = !(p.status === 'running' || p.status === 'paused');
    for (const b of extend) {
      setText(b, b._seconds > 0 ? t('timer.add', { count: b._seconds / 60 }) : t('timer.less', { count: -b._seconds / 60 }));
    }
  }
  return { el, update };
}
