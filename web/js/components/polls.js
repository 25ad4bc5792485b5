// The console's polls: open the ladder of co-production poll or one of your own, see every poll's
// answers as they come in, close a poll, and put one in the spotlight for the room's screen.
import { h, keyedList, place, setText } from '../dom.js';
import { t } from '../i18n.js';
import { announce } from '../shell.js';
import { createInlineError } from './inline-error.js';
import { createPollChart } from './pollchart.js';

/** ctx: {conn} */
export function createPollsAdmin(ctx) {
  // Every refusal is said beside what caused it (error): the ladder button, the new poll form, a poll's row.
  const send = (error, name, args = {}) => ctx.conn.send(name, args)
    .then((r) => { error.clear(); return r; }, (e) => { error.show(e); throw e; });
  const quiet = (p) => p.catch(() => {});
  const heading = h('h2', { id: 'polls-heading' });
  const ladderError = createInlineError('ladder-error');
  const ladderBtn = h('button', { type: 'button', id: 'ladder-btn', 'aria-describedby': ladderError.id,
    onclick: () => quiet(send(ladderError, 'poll.open', { template: 'ladder' }).then(() => announce(t('polls.opened')))) });
  const newError = createInlineError('poll-new-error');
  const qLabel = h('label', { for: 'poll-question' });
  const qInput = h('input', { id: 'poll-question', type: 'text', maxlength: 300, 'aria-describedby': newError.id,
    oninput: putRight });
  const oLabel = h('label', { for: 'poll-options' });
  const oHint = h('p', { class: 'hint', id: 'poll-options-hint' });
  const oInput = h('textarea', { id: 'poll-options', rows: 3, 'aria-describedby': `poll-options-hint ${newError.id}`,
    oninput: putRight });
  const openBtn = h('button', { type: 'submit', class: 'secondary', 'aria-describedby': newError.id });
  const asked = () => {
    const question = qInput.value.trim();
    const options = oInput.value.split('\n').map((s) => s.trim()).filter(Boolean);
    return { question, options, ok: Boolean(question) && options.length >= 2 && options.length <= 10 };
  };
  /** Marks what is missing (the question, else the answers); nothing marked when `err` is null. */
  function problem(err) {
    const { question, ok } = asked();
    for (const f of [qInput, oInput]) f.removeAttribute('aria-invalid');
    if (!err) { newError.clear(); return; }
    if (!ok) (question ? oInput : qInput).setAttribute('aria-invalid', 'true');
    newError.show(err);
  }
  // Put right as it is typed: the words go once the question and answers are there.
  function putRight() { if (newError.el.textContent && asked().ok) problem(null); }
  const form = h('form', { class: 'poll-new', onsubmit: (e) => {
    e.preventDefault();
    const { question, options, ok } = asked();
    if (!ok) { problem(t('polls.needOptions')); (question ? oInput : qInput).focus(); return; }
    problem(null);
    quiet(send(newError, 'poll.open', { question, options })
      .then(() => { qInput.value = ''; oInput.value = ''; announce(t('polls.opened')); }));
  } }, h('div', { class: 'field' }, qLabel, qInput), h('div', { class: 'field' }, oLabel, oHint, oInput), newError.el, openBtn);
  const list = h('div', { class: 'polls' });
  const el = h('section', { class: 'panel', id: 'polls', 'aria-labelledby': 'polls-heading' },
    heading, h('p', {}, ladderBtn), ladderError.el, form, list);
  // One row per poll, made once: a new answer changes only its counts, and focus on a button stays.
  function pollRow(poll) {
    const id = poll.id;
    const chart = createPollChart({ headingLevel: 3 });
    let spotOn = false;
    const error = createInlineError(`poll-row-error-${id}`);
    const closeBtn = h('button', { type: 'button', class: 'secondary small', 'aria-describedby': error.id,
      onclick: () => quiet(send(error, 'poll.close', { id })) });
    const spotBtn = h('button', { type: 'button', class: 'secondary small', 'aria-describedby': error.id,
      onclick: () => quiet(send(error, 'spotlight.set', spotOn ? { type: null } : { type: 'poll', id })) });
    const actions = h('div', { class: 'actions' });
    const el = h('div', { class: 'poll' }, chart.el, actions, error.el);
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
