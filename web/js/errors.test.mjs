// Refused actions said beside what caused them (components/inline-error.js), never only at the top of
// the page, where a phone user scrolled down to a poll or the post box would not see them. Each
// error is announced (role=alert), describes its control (aria-describedby) and goes when put right.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installDom } from './fake-dom.mjs';

const doc = installDom();
const { h } = await import('./dom.js');
const { createPolls, createTools } = await import('./live.js');
const { createCompose } = await import('./components/compose.js');

// The page's top alert (shell.js showError) and polite announcer, as in every real page.
const alert = h('div', { id: 'alert', role: 'alert' });
const announcer = h('div', { id: 'announce' });
const mount = (el) => { doc.body.replaceChildren(alert, el, announcer); return el; };
const settle = () => new Promise(setImmediate);

/** A connection whose next answers are given by `answers` (a function of the command), rejected when it throws. */
function fakeConn(answers = () => ({})) {
  const sent = [];
  return {
    sent, outbox: [], status: 'online', you: { participantId: 'me', role: 'participant' }, listeners: {},
    on(name, fn) { (this.listeners[name] ??= []).push(fn); },
    emit(name, detail) { for (const fn of this.listeners[name] ?? []) fn(detail); },
    send: async (name, args) => { sent.push({ name, args }); return answers(name, args); },
  };
}
const ctxOf = (conn, state, more = {}) => ({ conn, facilitator: false, state: () => state, may: () => true,
  draftKey: (n) => `test.${n}`, ...more });

/** The inline error describing `control`, checked to be announced; its words. */
function describedError(control) {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  const errors = ids.map((id) => doc.getElementById(id)).filter((e) => e?.classList.contains('inline-error'));
  assert.equal(errors.length, 1, `${control.tagName} is described by one inline error`);
  assert.equal(errors[0].getAttribute('role'), 'alert', 'a new error is announced');
  return errors[0];
}

const poll = (id, question) => ({ id, question, options: ['Yes', 'No', 'Not sure'], counts: [0, 0, 0], status: 'open' });
/** A participant's open polls, shown: each poll's form. */
function pollForms(conn, ...open) {
  const state = { polls: open };
  const polls = createPolls(ctxOf(conn, state, { may: (w) => w === 'poll' }));
  mount(polls.el);
  polls.update(state);
  return polls.el.querySelectorAll('form');
}

test('poll: no answer chosen is said inside that poll, tied to its question, and goes when one is chosen', () => {
  const conn = fakeConn();
  const [first, second] = pollForms(conn, poll('p1', 'Shall we meet again?'), poll('p2', 'Was it useful?'));
  first.dispatchEvent({ type: 'submit' });
  const error = describedError(first.querySelector('fieldset'));
  assert.equal(error.textContent, 'Please choose an answer first.');
  assert.ok(first.contains(error), 'inside the poll that was sent');
  assert.equal(error.nextSibling, first.querySelector('button'), 'just above its button');
  assert.equal(describedError(second.querySelector('fieldset')).textContent, '', 'the other poll says nothing');
  assert.equal(alert.textContent, '', 'nothing at the top of the page');
  assert.equal(conn.sent.length, 0);

  const yes = first.querySelector('input');
  yes.checked = true;
  first.dispatchEvent({ type: 'change', target: yes });
  assert.equal(error.textContent, '', 'choosing an answer puts it right');
});

test('poll: a refused answer is said in that poll, and the next answer that works takes it away', async () => {
  let refuse = true;
  const conn = fakeConn(() => { if (refuse) throw { code: 'PHASE_CLOSED', message: 'Polls are closed.' }; return {}; });
  const [form] = pollForms(conn, poll('p1', 'Shall we meet again?'));
  form.querySelectorAll('input')[2].checked = true;
  form.dispatchEvent({ type: 'submit' });
  await settle();
  assert.deepEqual(conn.sent, [{ name: 'poll.answer', args: { pollId: 'p1', option: 2 } }]);
  const error = describedError(form.querySelector('fieldset'));
  assert.notEqual(error.textContent, '', 'the refusal is in the poll');
  assert.equal(alert.textContent, '');
  refuse = false;
  form.dispatchEvent({ type: 'submit' });
  await settle();
  assert.equal(error.textContent, '');
});

test('hand and ready: a refusal is said beside the button pressed', async () => {
  const conn = fakeConn((name) => { if (name === 'hand.raise') throw { code: 'FORBIDDEN', message: 'No.' }; return {}; });
  const state = { workshop: { status: 'running' }, hands: [] };
  const tools = createTools(ctxOf(conn, state, { may: () => true }));
  mount(tools.el);
  tools.update(state);
  const hand = tools.el.querySelector('#hand-btn');
  const ready = tools.el.querySelector('#ready-btn');
  hand.click();
  await settle();
  const handError = describedError(hand);
  assert.notEqual(handError.textContent, '');
  assert.equal(handError, hand.parentNode.nextSibling, 'right under the hand button');
  assert.equal(describedError(ready).textContent, '', 'the ready button says nothing');
  assert.equal(alert.textContent, '');
  ready.click();
  await settle();
  assert.deepEqual(conn.sent.map((c) => c.name), ['hand.raise', 'ready.set']);
});

function composeBox(answers) {
  const conn = fakeConn(answers);
  const state = { workshop: { status: 'running', settings: {} }, phases: [{ title: 'Ideas' }], phase: { index: 0 } };
  const compose = createCompose(ctxOf(conn, state));
  mount(compose.el);
  compose.update(state);
  const area = compose.el.querySelector('#compose-text');
  area.value = '';
  const form = compose.el.querySelector('form');
  return { conn, area, form, post: () => form.dispatchEvent({ type: 'submit' }) };
}

test('post box: nothing written is said under the box, keeps the focus there, and typing puts it right', () => {
  const { conn, area, post } = composeBox();
  post();
  const error = describedError(area);
  assert.equal(error.id, 'compose-error');
  assert.equal(error.textContent, 'Please write something first.');
  assert.equal(area.nextSibling, error, 'under the post box');
  assert.match(area.getAttribute('aria-describedby'), /^compose-prompt compose-count compose-error$/);
  assert.equal(area.getAttribute('aria-invalid'), 'true');
  assert.equal(doc.activeElement, area, 'the focus stays in the box');
  assert.equal(alert.textContent, '', 'nothing at the top of the page');
  assert.equal(conn.sent.length, 0);
  area.value = 'Buses after six';
  area.dispatchEvent({ type: 'input' });
  assert.equal(error.textContent, '');
  assert.equal(area.getAttribute('aria-invalid'), null);
});

test('post box: personal data and refusals are said under the box, with the words put back in it', async () => {
  let answer = () => { throw { code: 'PERSONAL_DATA', message: 'x', details: { personalData: ['phone'] } }; };
  const { conn, area, post } = composeBox((...a) => answer(...a));
  area.value = 'Ring me on 07700 900123';
  post();
  assert.equal(area.value, '', 'emptied at once: the outbox holds it');
  assert.equal(doc.activeElement, area);
  await settle();
  const error = describedError(area);
  assert.match(error.textContent, /^This looks like it includes a phone number\. .*press Post again\.$/);
  assert.equal(area.value, 'Ring me on 07700 900123', 'the words are back in the box');
  assert.equal(alert.textContent, '');
  assert.equal(area.getAttribute('aria-invalid'), 'true');
  area.dispatchEvent({ type: 'input' });
  assert.notEqual(error.textContent, '', 'what to change stays in view while the words are changed');

  // A switch of language says the warning, made of several catalogue words, in the new language.
  const { setLang } = await import('./i18n.js');
  try {
    setLang('cy');
    assert.match(error.textContent, /^Mae’n edrych fel petai hyn yn cynnwys rhif ffôn\./);
  } finally {
    setLang('en');
  }
  assert.match(error.textContent, /^This looks like it includes a phone number\./);

  // Posted again as it is (yes, share it): accepted, and the words under the box go.
  answer = () => ({});
  post();
  assert.equal(conn.sent.at(-1).args.personalDataOk, true);
  assert.equal(error.textContent, '');
  await settle();
  assert.equal(error.textContent, '');

  answer = () => { throw { code: 'PHASE_CLOSED', message: 'Posting is closed.' }; };
  area.value = 'One more';
  post();
  await settle();
  assert.notEqual(error.textContent, '', 'a refusal is said under the box too');
  assert.equal(area.value, 'One more');
  assert.equal(alert.textContent, '');
});

test('post box: a post sent before a reload and refused after it is said under the box, its words back', () => {
  const { conn, area } = composeBox();
  area.value = 'Half a thought';
  const refusal = { ref: 'r1', code: 'PHASE_CLOSED', message: 'Posting is closed.',
    command: { name: 'contribution.add', args: { text: 'Buses after six' } } };
  conn.emit('error', refusal);
  assert.equal(describedError(area).textContent, 'That is not open in this part of the workshop.');
  assert.equal(area.value, 'Half a thought\n\nBuses after six', 'the refused words are back, after what was there');
  assert.equal(refusal.shownBeside, true, 'so the top of the page does not say it again');
  conn.emit('error', { ref: 'r2', code: 'FORBIDDEN', message: 'x', command: { name: 'poll.answer', args: {} } });
  assert.equal(area.value, 'Half a thought\n\nBuses after six', 'other commands are not the post box\'s');
});

test('console: a new poll without a question or answers is said in its form, on the field to fix', async () => {
  const { createPollsAdmin } = await import('./components/polls.js');
  const conn = fakeConn();
  const admin = createPollsAdmin({ conn });
  mount(admin.el);
  admin.update({ workshop: { status: 'running' }, polls: [] });
  const q = admin.el.querySelector('#poll-question');
  const o = admin.el.querySelector('#poll-options');
  const form = admin.el.querySelector('form');
  q.value = 'Which first?';
  o.value = 'Transport';
  form.dispatchEvent({ type: 'submit' });
  const error = describedError(o);
  assert.equal(describedError(q), error, 'one error for the form, describing both fields');
  assert.equal(error.textContent, 'A poll needs a question and 2 to 10 answers.');
  assert.equal(o.getAttribute('aria-invalid'), 'true', 'the answers are what is missing');
  assert.equal(doc.activeElement, o);
  assert.equal(alert.textContent, '');
  o.value = 'Transport\nCarers';
  o.dispatchEvent({ type: 'input' });
  assert.equal(error.textContent, '', 'put right as it is typed');
  form.dispatchEvent({ type: 'submit' });
  await settle();
  assert.deepEqual(conn.sent.at(-1), { name: 'poll.open', args: { question: 'Which first?', options: ['Transport', 'Carers'] } });
});

test('console: a co-facilitator without a name is said under the name box', async () => {
  const { createCofac } = await import('./components/cofac.js');
  const cofac = createCofac({ conn: { state: { workshop: { id: 'w1' } } } }, { token: 't' });
  mount(cofac.el);
  cofac.update({ workshop: { id: 'w1', status: 'running' } });
  const name = cofac.el.querySelector('#cofac-name');
  cofac.el.querySelector('form').dispatchEvent({ type: 'submit' });
  const error = describedError(name);
  assert.equal(error.textContent, 'Please give the co-facilitator’s name.');
  assert.equal(doc.activeElement, name);
  assert.equal(alert.textContent, '');
  name.value = 'Alex';
  name.dispatchEvent({ type: 'input' });
  assert.equal(error.textContent, '');
});

test('card: a refused vote or edit is said on that card, and the next thing that works clears it', async () => {
  const { createCard } = await import('./components/card.js');
  let refuse = true;
  const conn = fakeConn(() => { if (refuse) throw { code: 'NO_VOTES_LEFT', message: 'No votes left.' }; return { result: { remaining: 2 } }; });
  const c = { id: 'c1', text: 'Buses after six', kind: 'idea', mine: true, votes: 0 };
  const state = { contributions: [c], themes: [] };
  const card = createCard(ctxOf(conn, state), c);
  mount(card.el);
  card.update(c, state);
  const vote = card.el.querySelector('.vote');
  vote.click();
  await settle();
  const error = describedError(vote);
  assert.ok(card.el.contains(error));
  assert.notEqual(error.textContent, '');
  assert.equal(alert.textContent, '');
  refuse = false;
  vote.click();
  await settle();
  assert.equal(error.textContent, '');

  // An edit emptied: said on the card, above the box being edited, the focus kept in it.
  card.el.querySelector('.actions button').click();
  const edit = card.el.querySelector('#edit-c1');
  edit.value = '  ';
  card.el.querySelector('form.edit').dispatchEvent({ type: 'submit' });
  assert.equal(describedError(edit), error);
  assert.equal(error.textContent, 'Please write something first.');
  assert.equal(doc.activeElement, edit);
  edit.value = 'Buses after seven';
  edit.dispatchEvent({ type: 'input' });
  assert.equal(error.textContent, '');
});

test('board: a theme without a name, or a refused one, is said under the name box, the name kept', async () => {
  const { createBoard } = await import('./components/board.js');
  let refuse = false;
  const conn = fakeConn(() => { if (refuse) throw { code: 'FORBIDDEN', message: 'No.' }; return {}; });
  const state = { workshop: { status: 'running' }, contributions: [{ id: 'c1', text: 'Buses', kind: 'idea' }], themes: [] };
  const board = createBoard(ctxOf(conn, state, { may: (w) => w === 'group' }));
  mount(board.el);
  board.update(state);
  const input = board.el.querySelector('#new-theme');
  const form = board.el.querySelector('form.new-theme');
  form.dispatchEvent({ type: 'submit' });
  const error = describedError(input);
  assert.equal(error.textContent, 'Please give the theme a name.');
  assert.equal(input.getAttribute('aria-invalid'), 'true');
  assert.equal(doc.activeElement, input);
  assert.equal(alert.textContent, '');
  input.value = 'Transport';
  input.dispatchEvent({ type: 'input' });
  assert.equal(error.textContent, '', 'typing a name puts it right');
  refuse = true;
  form.dispatchEvent({ type: 'submit' });
  await settle();
  assert.notEqual(error.textContent, '', 'the refusal is under the box');
  assert.equal(input.value, 'Transport', 'the name is back in the box');
  assert.equal(alert.textContent, '');
});

test('language: an error beside a control is said again in the language someone switches to', async () => {
  const { setLang } = await import('./i18n.js');
  const conn = fakeConn(() => { throw Object.assign(new Error('rate limited'), { code: 'RATE_LIMITED' }); });
  const [first, second] = pollForms(conn, poll('p1', 'Shall we meet again?'), poll('p2', 'Was it useful?'));
  first.dispatchEvent({ type: 'submit' });
  const chooseFirst = describedError(first.querySelector('fieldset'));
  const yes = second.querySelector('input');
  yes.checked = true;
  second.dispatchEvent({ type: 'change', target: yes });
  second.dispatchEvent({ type: 'submit' });
  await settle();
  const refused = describedError(second.querySelector('fieldset'));
  const english = refused.textContent;
  assert.notEqual(english, '', 'the server refused the answer');
  try {
    setLang('cy');
    assert.equal(chooseFirst.textContent, 'Dewiswch ateb yn gyntaf, os gwelwch yn dda.');
    assert.notEqual(refused.textContent, english, 'a known refusal is said in Welsh too');
    const no = first.querySelector('input');
    no.checked = true;
    first.dispatchEvent({ type: 'change', target: no });
    assert.equal(chooseFirst.textContent, '');
    setLang('en');
    assert.equal(chooseFirst.textContent, '', 'an error put right stays gone after a switch');
    assert.equal(refused.textContent, english);
  } finally {
    setLang('en');
  }
});
