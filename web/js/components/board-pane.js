// The console's board in a pane of its own that scrolls by itself, so the agenda, the timer and the
// hands stay in view. New posts are signalled three ways: a short highlight on each new card, a
// count beside the pane's heading ("2 new"), and (from announceEvents) a polite announcement. When
// the pane is scrolled down, a post arriving does not move what the facilitator is reading: a
// "Show newest" button offers the way up instead.
import { h, setText } from '../dom.js';
import { t } from '../i18n.js';
import { flash } from './room.js';

const TOP = 24; // px: "at the top" within this, so a nudge of the wheel does not count as scrolled away
const FRESH_MS = 8000; // how long a new card stays highlighted and counted as new at the top

/** ctx: {conn}; board: createBoard(ctx, {cockpit: true}). */
export function createBoardPane(ctx, board) {
  const heading = h('h2', { id: 'board-heading', class: 'pane-title' });
  const badge = h('span', { class: 'new-badge', id: 'board-new', hidden: true });
  const showNewest = h('button', { type: 'button', class: 'small show-newest', id: 'show-newest', hidden: true,
    onclick: () => {
      scroller.scrollTo({ top: 0 });
      seen();
      document.getElementById('loose-heading')?.focus();
    } });
  const scroller = h('div', { class: 'pane-scroll', id: 'board-scroll' }, board.el);
  const el = h('section', { class: 'board-pane', id: 'board-pane', 'aria-labelledby': 'board-heading' },
    h('div', { class: 'pane-head' }, heading, badge, board.filterEl, showNewest), scroller);
  let known = null; // ids of posts already on the board; null until the first state
  const fresh = new Map(); // id -> time it arrived, while it counts as new
  let unseen = []; // ids that arrived while the pane was scrolled down: highlighted until seen

  const atTop = () => scroller.scrollTop <= TOP;
  const cardEl = (id) => board.el.querySelector(`li.card[data-id="${CSS.escape(id)}"]`);
  /** Back at the top: what came meanwhile is highlighted for a few seconds more, from now. */
  function seen() {
    const now = Date.now();
    for (const id of unseen) {
      fresh.set(id, now);
      const card = cardEl(id);
      if (card) flash(card, FRESH_MS);
    }
    unseen = [];
    render();
    setTimeout(render, FRESH_MS + 50);
  }
  scroller.addEventListener('scroll', () => { if (unseen.length && atTop()) seen(); }, { passive: true });

  function render() {
    const now = Date.now();
    for (const [id, at] of fresh) if (now - at >= FRESH_MS) fresh.delete(id);
    const n = fresh.size + unseen.length;
    badge.hidden = n === 0;
    setText(badge, n ? t('board.new', { count: n }) : '');
    showNewest.hidden = unseen.length === 0;
    setText(showNewest, t('board.showNewest', { count: unseen.length }));
  }

  function update(s) {
    setText(heading, t('board.heading'));
    const shown = (s.contributions ?? []).filter((c) => !c.hidden);
    const arrived = [];
    if (known === null) known = new Set(shown.map((c) => c.id));
    else {
      for (const c of shown) {
        if (known.has(c.id)) continue;
        known.add(c.id);
        // The parking lot is a tool of its own, with its own count on its tab.
        if (!c.mine && c.kind !== 'parking') arrived.push(c.id);
      }
    }
    // Withdrawn or hidden meanwhile: no longer waiting to be seen.
    if (unseen.length) {
      const ids = new Set(shown.map((c) => c.id));
      unseen = unseen.filter((id) => ids.has(id));
      if (!unseen.length) render();
    }
    // Keep what is being read where it is: a card added above would push it down the pane.
    const before = atTop() ? null : scroller.scrollHeight - scroller.scrollTop;
    board.update(s);
    if (before !== null && arrived.length) scroller.scrollTop = scroller.scrollHeight - before;
    if (!arrived.length) return;
    const now = Date.now();
    for (const id of arrived) {
      const card = cardEl(id);
      if (before !== null) {
        unseen.push(id);
        if (card) flash(card, 0); // until seen
      } else {
        fresh.set(id, now);
        if (card) flash(card, FRESH_MS);
      }
    }
    render();
    setTimeout(render, FRESH_MS + 50);
  }

  return { el, update };
}
