// The console's polls: open the ladder of co-production poll or one of your own, see every poll's
// answers as they come in, close a poll, and put one in the spotlight for the room's screen.
import { h, replace, setText } from '../dom.js';
import { t } from '../i18n.js';
import { announce, showError } from '../shell.js';
import { pollChart } from './pollchart.js';

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
  let sig = null;

  function pollRow(s, poll, ended) {
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
  }

  function update(s) {
    const ended = s.workshop?.status === 'ended';
    setText(heading, t('polls.heading'));
    setText(ladderBtn, t('polls.ladder'));
    ladderBtn.hidden = form.hidden = ended;
    setText(qLabel, t('polls.question'));
    setText(oLabel, t('polls.options'));
    setText(oHint, t('polls.optionsHint'));
    setText(openBtn, t('polls.open'));
    // Redrawn only when a poll, the spotlight or the language changed, and never under the focus.
    const next = JSON.stringify([s.polls ?? [], s.spotlight ?? null, ended, document.documentElement.lang]);
    if (next === sig || list.contains(document.activeElement)) return;
    sig = next;
    replace(list, (s.polls ?? []).slice().reverse().map((poll) => pollRow(s, poll, ended)));
  }
  return { el, update };
}

/** How many polls are open now: the tab's count. */
export const openPolls = (s) => (s.polls ?? []).filter((p) => p.status === 'open').length;
