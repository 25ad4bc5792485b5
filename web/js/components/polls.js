// The console's polls: open the ladder of co-production poll or one of your own, see every poll's
// answers as they come in, close a poll, and put one in the spotlight for the room's screen.
import { h, keyedList, place, setText } from '../dom.js';
import { t } from '../i18n.js';
import { announce, showError } from '../shell.js';
import { createPollChart } from './pollchart.js';

/** ctx: {conn} */
export function createPollsAdmin(ctx) {
  const send = (name, args = {}) => ctx.conn.send(name, args).catch((e) => { showError(e); throw e; });
  const quiet = (p) => p.catch(() => {});
  const heading = h('h2', { id: 'polls-heading' });
  const ladderBtn = h('button', { type: 'button', id: 'ladder-btn',
    onclick: () => quiet(send('poll.open', { template: 'ladder' }).then(() => announce(t('polls.opened')))) });
  const qLabel = h('label', { for: 'poll-question' });
  const qInput = h('input', { id: 'poll-question', type: 'text', maxlength: 300 });
  const oLabel = h('label', { for: 'poll-options' });
  const oHint = h('p', { class: 'hint', id: 'poll-options-hint' });
  const oInput = h('textarea', { id: 'poll-options', rows: 3, 'aria-describedby': 'poll-options-hint' });
  const openBtn = h('button', { type: 'submit', class: 'secondary' });
  const form = h('form', { class: 'poll-new', onsubmit: (e) => {
    e.preventDefault();
    const question = qInput.value.trim();
    const options = oInput.value.split('\n').map((s) => s.trim()).filter(Boolean);
    if (!question || options.length < 2 || options.length > 10) { showError(t('polls.needOptions')); qInput.focus(); return; }
    quiet(send('poll.open', { question, options }).then(() => { qInput.value = ''; oInput.value = ''; announce(t('polls.opened')); }));
  } }, h('div', { class: 'field' }, qLabel, qInput), h('div', { class: 'field' }, oLabel, oHint, oInput), openBtn);
  const list = h('div', { class: 'polls' });
  const el = h('section', { class: 'panel', id: 'polls', 'aria-labelledby': 'polls-heading' },
    heading, h('p', {}, ladderBtn), form, list);
  // One row per poll, made once: a new answer changes only its counts, and focus on a button stays.
  function pollRow(poll) {
    const id = poll.id;
    const chart = createPollChart({ headingLevel: 3 });
    let spotOn = false;
    const closeBtn = h('button', { type: 'button', class: 'secondary small', onclick: () => quiet(send('poll.close', { id })) });
    const spotBtn = h('button', { type: 'button', class: 'secondary small',
      onclick: () => quiet(send('spotlight.set', spotOn ? { type: null } : { type: 'poll', id })) });
    const actions = h('div', { class: 'actions' });
    const el = h('div', { class: 'poll' }, chart.el, actions);
    function update(p, s, ended) {
      const question = p.question;
      spotOn = s.spotlight?.type === 'poll' && s.spotlight.id === id;
      chart.update(p);
      setText(closeBtn, t('polls.close'));
      closeBtn.setAttribute('aria-label', t('polls.closeNamed', { question }));
      const spotWord = spotOn ? t('card.unspotlight') : t('card.spotlight');
      setText(spotBtn, spotWord);
      spotBtn.setAttribute('aria-label', `${spotWord}: ${question}`);
      const closing = document.activeElement === closeBtn;
      place(actions, [p.status === 'open' && !ended ? closeBtn : null, ended ? null : spotBtn].filter(Boolean));
      // The poll just closed under the focus (this Close pressed): focus stays in the row, not the page top.
      if (closing && !closeBtn.isConnected && spotBtn.isConnected) spotBtn.focus();
    }
    return { el, update };
  }
  const syncList = keyedList(list, pollRow);

  function update(s) {
    const ended = s.workshop?.status === 'ended';
    setText(heading, t('polls.heading'));
    setText(ladderBtn, t('polls.ladder'));
    ladderBtn.hidden = form.hidden = ended;
    setText(qLabel, t('polls.question'));
    setText(oLabel, t('polls.options'));
    setText(oHint, t('polls.optionsHint'));
    setText(openBtn, t('polls.open'));
    syncList((s.polls ?? []).slice().reverse(), s, ended);
  }
  return { el, update };
}

/** How many polls are open now: the tab's count. */
export const openPolls = (s) => (s.polls ?? []).filter((p) => p.status === 'open').length;
