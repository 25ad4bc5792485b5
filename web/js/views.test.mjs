// Components drawn in a small fake DOM: what stays put when other people's events arrive (the
// elements themselves, focus, a chosen option), which is what a person on the page would notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installDom } from './fake-dom.mjs';

const doc = installDom();
const { keyedList, h, setTextLang } = await import('./dom.js');
const { createPollChart } = await import('./components/pollchart.js');
const { createSpotlightBody } = await import('./components/spotlight.js');
const { createRecent, createThemeRanking } = await import('./components/display-lists.js');
const { createSpotlight, createPolls } = await import('./live.js');

// The page's polite live region (shell.js announce) stays in the page, as in every real page.
const announcer = h('div', { id: 'announce' });
const mount = (el) => { doc.body.replaceChildren(el, announcer); return el; };
const texts = (el, sel) => el.querySelectorAll(sel).map((x) => x.textContent);

const c = (id, text, more = {}) => ({ id, text, kind: 'idea', createdAt: Number(id.slice(1)), ...more });

test('keyedList: a row is made once per key, moved only when out of place, and dropped when gone', () => {
  const ul = mount(h('ul'));
  let made = 0;
  const sync = keyedList(ul, () => { made++; const el = h('li'); return { el, update: (x) => { el.textContent = x.text; } }; });
  sync([{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }]);
  const [a, b, cc] = ul.children;
  b.setAttribute('tabindex', '-1');
  b.focus();
  sync([{ id: 'a', text: 'A' }, { id: 'b', text: 'B!' }, { id: 'c', text: 'C' }]);
  assert.deepEqual(ul.children, [a, b, cc]);
  assert.equal(made, 3);
  assert.equal(b.textContent, 'B!');
  assert.equal(doc.activeElement, b, 'the row with the focus keeps it');
  sync([{ id: 'c' , text: 'C' }, { id: 'a', text: 'A' }]);
  assert.deepEqual(ul.children, [cc, a]);
  sync([{ id: 'b', text: 'B' }]);
  assert.notEqual(ul.children[0], b, 'a row that went is made again, not kept for ever');
});

test('setTextLang: Welsh and English words are marked; anything else takes the page language', () => {
  const p = h('p');
  setTextLang(p, 'cy');
  assert.equal(p.getAttribute('lang'), 'cy');
  setTextLang(p, 'fr');
  assert.equal(p.getAttribute('lang'), null);
  setTextLang(p, 'en');
  setTextLang(p, null);
  assert.equal(p.hasAttribute('lang'), false);
});

test('poll chart: a new answer changes the counts in place; the question and rows stay the same elements', () => {
  const chart = createPollChart({ headingLevel: 2 });
  mount(chart.el);
  const poll = { id: 'p1', question: 'Which first?', options: ['Transport', 'Carers'], counts: [1, 0], status: 'open' };
  chart.update(poll);
  const rows = chart.el.querySelectorAll('li');
  const question = chart.el.querySelector('h2');
  const label = rows[0].querySelector('.poll-label').firstChild;
  assert.deepEqual(texts(chart.el, '.poll-count'), ['1 (100%)', '0 (0%)']);
  chart.update({ ...poll, counts: [1, 3] }, { yourAnswer: 1 });
  assert.deepEqual(chart.el.querySelectorAll('li'), rows);
  assert.equal(chart.el.querySelector('h2'), question);
  assert.equal(rows[0].querySelector('.poll-label').firstChild, label);
  assert.deepEqual(texts(chart.el, '.poll-count'), ['1 (25%)', '3 (75%)']);
  assert.equal(rows[1].className, 'poll-row yours');
  assert.match(rows[1].textContent, /your answer/i);
  assert.doesNotMatch(rows[0].textContent, /your answer/i);
  assert.equal(rows[1].querySelector('.bar-fill').style.width, '100%');
  assert.equal(rows[0].querySelector('.bar-fill').style.width, `${(1 / 3) * 100}%`);
});

function displayState() {
  return {
    contributions: [c('c1', 'Nobody rang back'), c('c2', 'Dim digon o amser', { lang: 'cy' }), c('c3', 'Hidden one', { hidden: true })],
    themes: [{ id: 't1', label: 'Calls', votes: 1, contributionIds: ['c1', 'c3'] }, { id: 't2', label: 'Time', votes: 0, contributionIds: ['c2'] }],
    polls: [],
    spotlight: { type: 'theme', id: 't1' },
  };
}

test('display lists: a vote moves only the theme whose place changed; a new post adds one card', () => {
  const ranking = createThemeRanking();
  const recent = createRecent();
  mount(h('div', {}, ranking.el, recent.el));
  let s = displayState();
  assert.equal(ranking.update(s), 2);
  assert.equal(recent.update(s), 2, 'hidden words are not on the room screen');
  const [calls, time] = ranking.el.children;
  const cards = recent.el.children;
  assert.deepEqual(texts(ranking.el, '.d-theme-label'), ['Calls', 'Time']);
  assert.equal(cards[0].querySelector('.d-text').getAttribute('lang'), 'cy');

  s = { ...s, themes: [{ ...s.themes[0] }, { ...s.themes[1], votes: 2 }] };
  ranking.update(s);
  recent.update(s);
  assert.deepEqual(ranking.el.children, [time, calls], 'the same rows, in the new order');
  assert.equal(time.textContent, 'Time1 contribution · 2 votes');
  assert.deepEqual(recent.el.children, cards, 'the cards are not drawn again by a vote');

  const before = doc.mutations;
  ranking.update(s);
  recent.update(s);
  assert.equal(doc.mutations, before, 'the same state again changes nothing on the page');

  s = { ...s, contributions: [...s.contributions, c('c4', 'Parking is hard')] };
  recent.update(s);
  assert.deepEqual(recent.el.children.slice(1), cards);
  assert.equal(recent.el.children[0].querySelector('.d-text').textContent, 'Parking is hard');
});

test('display spotlight: a theme keeps its elements through a vote; its hidden words are left out', () => {
  const spot = createSpotlightBody({ textClass: 'd-spot-text', metaClass: 'd-meta', itemsClass: 'd-spot-items',
    themeItems: 6, shows: (x) => !x.hidden });
  mount(spot.el);
  const s = displayState();
  assert.equal(spot.update(s), true);
  const text = spot.el.querySelector('.d-spot-text');
  const item = spot.el.querySelector('.d-spot-items li');
  assert.equal(text.textContent, 'Calls');
  assert.deepEqual(texts(spot.el, '.d-spot-items li'), ['Nobody rang back']);
  spot.update({ ...s, themes: [{ ...s.themes[0], votes: 4 }, s.themes[1]] });
  assert.equal(spot.el.querySelector('.d-spot-text'), text);
  assert.equal(spot.el.querySelector('.d-spot-items li'), item);
  assert.equal(spot.el.querySelector('.d-meta').textContent, '4 votes');

  assert.equal(spot.update({ ...s, spotlight: { type: 'contribution', id: 'c2' } }), true);
  assert.equal(text.textContent, 'Dim digon o amser');
  assert.equal(text.getAttribute('lang'), 'cy');
  assert.equal(spot.el.querySelector('.d-meta').hidden, true, 'the display names nobody');
  assert.equal(spot.update({ ...s, spotlight: { type: 'contribution', id: 'c3' } }), false);
  assert.equal(spot.update({ ...s, spotlight: null }), false);
});

const ctx = (state, more = {}) => ({
  conn: { you: { participantId: 'me', role: 'participant' }, send: async () => ({}) },
  facilitator: false,
  state: () => state,
  may: (w) => w === 'poll',
  ...more,
});

test('live spotlight: a spotlit poll updates its counts in place; the author line follows the contribution', () => {
  const spot = createSpotlight();
  mount(spot.el);
  const poll = { id: 'p1', question: 'Which first?', options: ['A', 'B'], counts: [0, 0], status: 'open' };
  const s = { contributions: [c('c1', 'Hello', { author: null, lang: 'en' })], themes: [], polls: [poll],
    spotlight: { type: 'poll', id: 'p1' }, participants: [] };
  spot.update(s);
  assert.equal(spot.el.hidden, false);
  const rows = spot.el.querySelectorAll('.poll-row');
  spot.update({ ...s, polls: [{ ...poll, counts: [2, 1] }] });
  assert.deepEqual(spot.el.querySelectorAll('.poll-row'), rows);
  assert.deepEqual(texts(spot.el, '.poll-count'), ['2 (67%)', '1 (33%)']);
  spot.update({ ...s, spotlight: { type: 'contribution', id: 'c1' } });
  assert.equal(spot.el.querySelector('.spot-text').textContent, 'Hello');
  assert.equal(spot.el.querySelector('.spot-text').getAttribute('lang'), 'en');
  assert.equal(spot.el.querySelector('.meta').textContent, 'Anonymous');
  assert.equal(spot.el.querySelector('.poll-chart').hidden, true);
  spot.update({ ...s, spotlight: { type: 'contribution', id: 'c1' }, contributions: [c('c1', 'Hello', { hidden: true })] });
  assert.equal(spot.el.hidden, true);
});

test('live polls: once answered, more answers change the chart in place, and the choice stays checked', () => {
  const poll = { id: 'p1', question: 'Which first?', options: ['A', 'B'], counts: [0, 1], status: 'open' };
  const state = { polls: [poll], yourAnswers: { p1: 1 } };
  const polls = createPolls(ctx(state));
  mount(polls.el);
  polls.update(state);
  const radio = polls.el.querySelector('#poll-p1-1');
  const chartRows = polls.el.querySelectorAll('.poll-row');
  radio.focus();
  polls.update({ ...state, polls: [{ ...poll, counts: [3, 1] }] });
  assert.equal(polls.el.querySelector('#poll-p1-1'), radio);
  assert.equal(radio.checked, true);
  assert.equal(doc.activeElement, radio);
  assert.deepEqual(polls.el.querySelectorAll('.poll-row'), chartRows);
  assert.deepEqual(texts(polls.el, '.poll-count'), ['3 (75%)', '1 (25%)']);
});

test('actions: a question posted while the facilitator is choosing what an action answers keeps their choice and focus', async () => {
  const { createActions } = await import('./components/actions.js');
  const q = (id, text) => c(id, text, { kind: 'question' });
  let state = { actions: [], contributions: [q('c1', 'Who pays for taxis?'), c('c2', 'An idea'), q('c3', 'Who rings back?')] };
  const actions = createActions(ctx(state, { facilitator: true }));
  mount(actions.el);
  actions.update(state);
  const select = actions.el.querySelector('#action-answers');
  assert.deepEqual(select.options.map((o) => o.textContent), ['Nothing in particular', 'Who pays for taxis?', 'Who rings back?']);
  const chosen = select.options[2];
  select.focus();
  select.value = 'c3';
  state = { ...state, contributions: [q('c0', 'Is there a leaflet?'), ...state.contributions] };
  actions.update(state);
  assert.equal(doc.activeElement, select);
  assert.equal(select.value, 'c3');
  assert.equal(select.options[3], chosen, 'the chosen option is the same element');
  assert.deepEqual(select.options.map((o) => o.textContent), ['Nothing in particular', 'Is there a leaflet?', 'Who pays for taxis?', 'Who rings back?']);
  // The chosen question withdrawn: back to none.
  actions.update({ ...state, contributions: state.contributions.filter((x) => x.id !== 'c3') });
  assert.equal(select.value, '');
});

test('who may join: a failed change is said beside its buttons, and the same failure again is said again', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { createJoining } = await import('./components/joining.js');
  const state = { workshop: { id: 'w1', status: 'running', settings: {} } };
  const joining = createJoining({ conn: { send: async () => ({}) }, state: () => state },
    { token: 'x', shownCode: () => 'ABC', onNewCode: () => {} });
  mount(joining.el);
  joining.update(state);
  const error = joining.el.querySelector('#joining-error');
  assert.equal(error.className, 'inline-error');
  assert.equal(error.getAttribute('role'), 'alert');
  assert.equal(error.parentNode, joining.el, 'next to the buttons, not at the top of the page');
  const lock = joining.el.querySelector('#joining-lock');
  for (const b of joining.el.querySelectorAll('button')) {
    assert.match(b.getAttribute('aria-describedby'), /\bjoining-error\b/, 'each button is described by its error');
  }
  lock.click();
  await new Promise(setImmediate);
  assert.equal(error.textContent, 'That did not change. Please try again.');
  lock.click();
  assert.equal(error.textContent, '', 'emptied on trying again, so a screen reader says it again');
  await new Promise(setImmediate);
  assert.equal(error.textContent, 'That did not change. Please try again.');
});

test('inline error: the same words twice are emptied and filled again a moment later', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { createInlineError } = await import('./components/inline-error.js');
  const error = createInlineError('display-open-error');
  error.show('Your browser stopped the new tab.');
  assert.equal(error.el.textContent, 'Your browser stopped the new tab.');
  error.show('Your browser stopped the new tab.');
  assert.equal(error.el.textContent, '');
  t.mock.timers.tick(50);
  assert.equal(error.el.textContent, 'Your browser stopped the new tab.');
  error.show('Something else');
  assert.equal(error.el.textContent, 'Something else');
  error.clear();
  assert.equal(error.el.textContent, '');
});

test('copy status: says the link was copied, then goes; a failure says how to copy by hand', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { createCopyStatus } = await import('./components/copy.js');
  const status = createCopyStatus('own-link-status');
  mount(status.el);
  assert.equal(status.el.getAttribute('role'), 'status');
  status.say(true);
  t.mock.timers.tick(50);
  assert.equal(status.el.textContent, 'Link copied.');
  status.say(true);
  assert.equal(status.el.textContent, '', 'a second copy is said again');
  t.mock.timers.tick(50);
  assert.equal(status.el.textContent, 'Link copied.');
  t.mock.timers.tick(8000);
  assert.equal(status.el.textContent, '');
  status.say(false);
  t.mock.timers.tick(50);
  assert.match(status.el.textContent, /Could not copy it by itself/);
});

test('ending the workshop asks in a dialog: Cancel has the focus, focus goes back, and it speaks Welsh too', async () => {
  const { createWrapup } = await import('./components/wrapup.js');
  const { setLang } = await import('./i18n.js');
  const sent = [];
  const state = { workshop: { id: 'w1', status: 'running' } };
  const wrapup = createWrapup({ conn: { state, send: async (name) => { sent.push(name); return {}; } } }, { token: 'x' });
  mount(wrapup.el);
  wrapup.update(state);
  const endBtn = wrapup.el.querySelector('#end-btn');
  endBtn.focus();
  endBtn.click();
  const dialog = doc.getElementById('end-dialog');
  assert.equal(dialog.open, true);
  assert.equal(doc.activeElement.id, 'end-cancel', 'the safe choice has the focus');
  assert.equal(dialog.querySelector('#end-dialog-title').textContent, 'End the workshop for everyone?');
  assert.match(dialog.textContent, /This cannot be undone\./);
  doc.activeElement.click();
  assert.equal(dialog.open, false);
  assert.deepEqual(sent, [], 'Cancel ends nothing');
  assert.equal(doc.activeElement, endBtn, 'focus is back on the button');

  setLang('cy');
  try {
    wrapup.update(state);
    endBtn.click();
    assert.equal(dialog.querySelector('#end-dialog-title').textContent, 'Dod â’r gweithdy i ben i bawb?');
    assert.equal(dialog.querySelector('#end-confirm').textContent, 'Dod ag ef i ben i bawb');
    dialog.querySelector('#end-confirm').click();
    await new Promise(setImmediate);
    assert.deepEqual(sent, ['workshop.end']);
    assert.equal(dialog.open, false);
    assert.equal(doc.activeElement.id, 'wrapup-heading', 'the end button is going: the heading has the focus');
  } finally {
    setLang('en');
  }
});

test('people: someone joining or going leaves the facilitator\'s focus on the Remove button they were on', async () => {
  const { createPeople } = await import('./components/people.js');
  const person = (id, name, more = {}) => ({ id, name, role: 'participant', online: true, ...more });
  const s1 = { workshop: { status: 'running' }, participants: [person('f', 'Fran', { role: 'facilitator' }), person('a', 'Sam'), person('b', 'Priya')] };
  const people = createPeople({ conn: { you: { participantId: 'f' }, state: s1 } });
  mount(people.el);
  people.update(s1);
  const priya = people.el.querySelector('li[data-id=b]');
  priya.querySelector('button').focus();
  people.update({ ...s1, participants: [person('c', 'Ali'), ...s1.participants] });
  people.update({ ...s1, participants: [person('c', 'Ali'), ...s1.participants.filter((p) => p.id !== 'a')] });
  assert.equal(people.el.querySelector('li[data-id=b]'), priya);
  assert.equal(doc.activeElement, priya.querySelector('button'));
  assert.deepEqual(texts(people.el, '.person-name'), ['Fran (you)', 'Ali', 'Priya']);
});

test('hands: the queue keeps each raised hand\'s row; a lowered one goes', async () => {
  const { createRoom } = await import('./components/room.js');
  const s = { workshop: { status: 'running' }, participants: [], hands: ['a', 'b'] };
  const room = createRoom({ conn: { send: async () => ({}) }, nameOf: (id) => ({ a: 'Sam', b: 'Priya', c: 'Ali' })[id] });
  mount(room.el);
  room.update(s);
  const [sam, priya] = room.el.querySelectorAll('li.hand');
  priya.querySelector('button').focus();
  room.update({ ...s, hands: ['b', 'c'] });
  assert.deepEqual(room.el.querySelectorAll('li.hand').map((li) => li.dataset.id), ['b', 'c']);
  assert.equal(room.el.querySelectorAll('li.hand')[0], priya);
  assert.equal(doc.activeElement, priya.querySelector('button'));
  assert.equal(sam.parentNode, null);
});
