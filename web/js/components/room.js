// The console's view of the room: how many are online and ready, and the hands queue. Each raised
// hand has its own "Give the floor" and "Lower hand", so the facilitator can choose who speaks
// (floor.give) rather than only the next in line (hand.next), and lower a hand raised by mistake.
import { h, keyedList, setText } from '../dom.js';
import { formatNumber, t } from '../i18n.js';
import { announce } from '../shell.js';
import { createInlineError } from './inline-error.js';

/** ctx: {conn, nameOf(id)} */
export function createRoom(ctx) {
  const heading = h('h2', { id: 'room-heading', tabindex: '-1' });
  const readyText = h('p', { class: 'big-number', id: 'ready-count' });
  const onlineText = h('p', { class: 'hint' });
  const handsHeading = h('h3', { id: 'hands-heading', tabindex: '-1' });
  const handsList = h('ol', { class: 'hands', 'aria-labelledby': 'hands-heading' });
  const handsEmpty = h('p', { class: 'empty' });
  const error = createInlineError('hands-error');
  const nextBtn = h('button', { type: 'button', id: 'hand-next', 'aria-describedby': error.id, onclick: () =>
    act(nextBtn, 'hand.next', {}, (r) => r?.participantId && announce(t('hand.floor', { name: ctx.nameOf(r.participantId) }))) });
  const el = h('section', { class: 'panel', id: 'room', 'aria-labelledby': 'room-heading' },
    heading, readyText, onlineText, handsHeading, handsEmpty, handsList, nextBtn, error.el);
  let first = true; // hands already up when the console opens are not news

  /** Sends, with the button busy; a failure is said under the queue, a success clears it. */
  function act(btn, name, args, done) {
    btn.disabled = true;
    const had = handsList.contains(document.activeElement);
    ctx.conn.send(name, args).then(({ result }) => {
      error.clear();
      done?.(result);
      // The row with focus left the queue: the next one's button, else the queue's heading.
      if (had && !handsList.contains(document.activeElement)) (handsList.querySelector('button') ?? handsHeading).focus();
    }).catch((e) => error.show(e)).finally(() => { btn.disabled = false; });
  }

  function makeRow(id) {
    const name = h('span', { class: 'hand-name' });
    const give = h('button', { type: 'button', class: 'secondary small', 'aria-describedby': error.id,
      onclick: () => act(give, 'floor.give', { participantId: id }, () => announce(t('hand.floor', { name: ctx.nameOf(id) }))) });
    const lower = h('button', { type: 'button', class: 'secondary small', 'aria-describedby': error.id,
      onclick: () => act(lower, 'hand.lower', { participantId: id }, () => announce(t('room.lowered', { name: ctx.nameOf(id) }))) });
    const el = h('li', { class: 'hand', dataset: { id } }, name, h('span', { class: 'actions' }, give, lower));
    function update(_id, ended) {
      const who = ctx.nameOf(id);
      setText(name, who);
      setText(give, t('room.give'));
      give.setAttribute('aria-label', t('room.giveNamed', { name: who }));
      setText(lower, t('room.lower'));
      lower.setAttribute('aria-label', t('room.lowerNamed', { name: who }));
      give.hidden = lower.hidden = ended;
    }
    return { el, update };
  }

  const syncHands = keyedList(handsList, (id) => {
    const row = makeRow(id);
    if (!first) flash(row.el);
    return row;
  }, (id) => id);

  function update(s) {
    const ended = s.workshop?.status === 'ended';
    setText(heading, t('room.heading'));
    const people = (s.participants ?? []).filter((x) => x.role === 'participant' && !x.removed);
    const online = people.filter((x) => x.online).length;
    setText(readyText, t('room.ready', { count: s.readyCount ?? 0, total: formatNumber(online) }));
    setText(onlineText, t('room.online', { count: online, total: formatNumber(people.length) }));
    const queue = s.hands ?? [];
    setText(handsHeading, t('room.hands', { count: queue.length }));
    handsEmpty.hidden = queue.length > 0;
    setText(handsEmpty, t('room.noHands'));
    syncHands(queue, ended);
    first = false;
    nextBtn.hidden = ended;
    nextBtn.disabled = !queue.length;
    setText(nextBtn, t('room.next'));
  }

  return { el, update };
}

/** Marks something that just arrived (a hand, a post) for `ms` (0: until marked again): a tint and a bar. */
export function flash(el, ms = 8000) {
  el.classList.add('is-new');
  clearTimeout(el._flash);
  if (ms) el._flash = setTimeout(() => el.classList.remove('is-new'), ms);
}

/** What is in the spotlight, in a few words: a post's text, a theme's name or a poll's question. */
export function spotlightText(s) {
  const sp = s.spotlight;
  if (sp?.type === 'contribution') return (s.contributions ?? []).find((x) => x.id === sp.id)?.text ?? '';
  if (sp?.type === 'theme') return (s.themes ?? []).find((x) => x.id === sp.id)?.label ?? '';
  if (sp?.type === 'poll') return (s.polls ?? []).find((x) => x.id === sp.id)?.question ?? '';
  return '';
}

/** "End spotlight", at the top of the console whenever something is in the spotlight, saying what is. */
export function createEndSpotlight(ctx) {
  const error = createInlineError('end-spot-error');
  const btn = h('button', { type: 'button', class: 'secondary', id: 'end-spotlight', 'aria-describedby': error.id,
    onclick: () => {
      btn.disabled = true;
      // spotlight.set with no type and id ends it; if it went dark meanwhile, that changes nothing.
      ctx.conn.send('spotlight.set', {}).then(() => { error.clear(); announce(t('spotlight.ended')); })
        .catch((e) => error.show(e)).finally(() => { btn.disabled = false; });
    } });
  const what = h('p', { class: 'spot-now', id: 'spot-now' });
  const el = h('div', { class: 'end-spotlight', hidden: true }, what, btn, error.el);
  function update(s) {
    setText(what, `${t('spotlight.heading')}: ${spotlightText(s)}`);
    const on = Boolean(s.spotlight) && s.workshop?.status !== 'ended';
    // Moving focus off a button that disappears: to the page's title, not the top of nowhere.
    if (!on && el.contains(document.activeElement)) document.getElementById('ws-title')?.focus();
    el.hidden = !on;
    setText(btn, t('spotlight.end'));
  }
  return { el, update };
}
