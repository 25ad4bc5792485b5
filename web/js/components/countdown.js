// The phase countdown, counted from the server's endsAt with the connection's clock offset, so
// every screen in the room shows the same time whatever its own clock says.
import { h, setText } from '../dom.js';
import { formatDuration, t } from '../i18n.js';

/** Milliseconds left in the phase as of `serverNow` (negative: over time); null if not timed. */
export function remainingMs(phase, serverNow) {
  if (!phase) return null;
  if (phase.status === 'running' && typeof phase.endsAt === 'number') return phase.endsAt - serverNow;
  if (typeof phase.remainingMs === 'number') return phase.remainingMs;
  return null;
}

/** The words for a phase's time: "4:05 left", "Paused, 4:05 left", "Over time by 0:30"; none once finished. */
export function countdownText(phase, serverNow) {
  if (!phase) return '';
  // A finished part (the workshop ended) has no time left to tell: its status word already says "Finished".
  if (phase.status === 'done') return '';
  const ms = remainingMs(phase, serverNow);
  if (ms == null) return '';
  if (phase.status === 'pending') return t('timer.pending', { time: formatDuration(ms) });
  if (phase.status === 'paused') return t('timer.paused', { time: formatDuration(ms) });
  if (ms < 0) return t('timer.over', { time: formatDuration(-ms) });
  return t('timer.left', { time: formatDuration(ms) });
}

/**
 * A ticking countdown element. The visible text changes every second, so it is not a live
 * region; instead `onMinuteLeft` fires once when a running phase crosses one minute left.
 */
export function createCountdown(conn, { className = 'countdown', onMinuteLeft } = {}) {
  const el = h('p', { class: className, role: 'timer', 'aria-live': 'off' });
  let phase = null;
  let warnedFor = null;
  const tick = () => {
    const now = conn.serverNow();
    setText(el, countdownText(phase, now));
    const ms = remainingMs(phase, now);
    el.classList.toggle('over', phase?.status === 'running' && ms != null && ms < 0);
    const key = phase ? `${phase.index}:${phase.startedAt}:${phase.endsAt}` : null;
    if (phase?.status === 'running' && ms != null && ms <= 60_000 && ms > 55_000 && warnedFor !== key) {
      warnedFor = key;
      onMinuteLeft?.();
    }
  };
  setInterval(tick, 1000);
  return {
    el,
    update(p) { phase = p; tick(); },
  };
}
