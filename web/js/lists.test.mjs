// The lists that keep their rows: a change to one item redraws only its row, and focus on a button
// in a row survives someone else's update (see keyedList in dom.js and views.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installDom } from './fake-dom.mjs';

const doc = installDom();
const { h } = await import('./dom.js');

const announcer = h('div', { id: 'announce' });
const mount = (el) => { doc.body.replaceChildren(el, announcer); return el; };
const texts = (el, sel) => el.querySelectorAll(sel).map((x) => x.textContent);

test('console polls: a new answer keeps each poll\'s row and the focus on its Spotlight button', async () => {
  const { createPollsAdmin } = await import('./components/polls.js');
  const poll = (id, counts, more = {}) => ({ id, question: `Q ${id}`, options: ['A', 'B'], counts, status: 'open', ...more });
  const s = { workshop: { status: 'running' }, polls: [poll('p1', [0, 0]), poll('p2', [1, 0])], spotlight: null };
  const admin = createPollsAdmin({ conn: { send: async () => ({}) } });
  mount(admin.el);
  admin.update(s);
  const [p2, p1] = admin.el.querySelectorAll('.poll');
  assert.deepEqual(texts(admin.el, '.poll-question'), ['Q p2', 'Q p1'], 'the newest first');
  const spot = p1.querySelectorAll('button')[1];
  spot.focus();
  admin.update({ ...s, polls: [poll('p1', [2, 1]), poll('p2', [1, 0], { status: 'closed' })], spotlight: { type: 'poll', id: 'p1' } });
  assert.deepEqual(admin.el.querySelectorAll('.poll'), [p2, p1]);
  assert.equal(doc.activeElement, spot);
  assert.equal(spot.textContent, 'End spotlight');
  assert.deepEqual(texts(p1, '.poll-count'), ['2 (67%)', '1 (33%)']);
  assert.deepEqual(p2.querySelectorAll('button').map((b) => b.textContent), ['Spotlight'], 'a closed poll has no Close');
});

test('agenda: moving on keeps every part\'s row and the focus on the "Go to" pressed', async () => {
  const { createAgenda } = await import('./components/agenda.js');
  const phases = [{ title: 'Welcome', minutes: 5 }, { title: 'Ideas', minutes: 20, prompt: 'What matters?' }, { title: 'Vote', minutes: 10 }];
  const s = { workshop: { status: 'running' }, phases, phase: { index: 0, status: 'running' } };
  const agenda = createAgenda({ conn: { state: s, send: async () => ({}) } });
  mount(agenda.el);
  agenda.update(s);
  const rows = agenda.el.querySelectorAll('li');
  const vote = rows[2].querySelector('button');
  vote.focus();
  agenda.update({ ...s, phase: { index: 1, status: 'running' } });
  assert.deepEqual(agenda.el.querySelectorAll('li'), rows);
  assert.equal(doc.activeElement, vote);
  assert.equal(rows[1].getAttribute('aria-current'), 'step');
  assert.equal(rows[0].getAttribute('aria-current'), null);
  assert.equal(rows[1].querySelector('button'), null, 'no "Go to" on the part you are in');
  assert.match(rows[0].textContent, /\(5 min\) · done/);
  assert.equal(rows[1].querySelector('.agenda-prompt').textContent, 'What matters?');
  agenda.update({ ...s, phase: { index: 2, status: 'running' } });
  assert.equal(doc.activeElement, agenda.el.querySelector('#agenda-heading'), 'its button went: the heading');
});

test('your workshops: forgetting one keeps the other rows and the focus on their buttons', async () => {
  const { createYours } = await import('./components/yours.js');
  const { rememberCreated, forgetWorkshop } = await import('./storage.js');
  rememberCreated({ workshopId: 'w1', title: 'Carers', token: 't1', createdAt: 1 });
  rememberCreated({ workshopId: 'w2', title: 'Transport', token: 't2', createdAt: 2 });
  try {
    const yours = createYours();
    mount(yours.el);
    yours.update();
    const [w2, w1] = yours.el.querySelectorAll('li');
    assert.deepEqual(texts(yours.el, '.yours-title'), ['Transport', 'Carers']);
    const open = w1.querySelector('button');
    open.focus();
    w2.querySelectorAll('button')[1].click();
    assert.deepEqual(yours.el.querySelectorAll('li'), [w1]);
    assert.equal(doc.activeElement, open);
  } finally {
    forgetWorkshop({ tokens: ['t1', 't2'], workshopId: 'w1' });
    forgetWorkshop({ tokens: ['t2'], workshopId: 'w2' });
  }
});

test('posts waiting to be sent: one delivered takes only its own row; the others stay', async () => {
  const { createCompose } = await import('./components/compose.js');
  const handlers = {};
  const conn = { outbox: [], status: 'offline', on: (n, f) => { handlers[n] = f; }, send: async () => ({}) };
  const compose = createCompose({ conn, facilitator: false, may: () => true, state: () => ({}), draftKey: (n) => `test.${n}` });
  mount(compose.el);
  const post = (ref, text) => ({ ref, name: 'contribution.add', args: { text } });
  conn.outbox = [post('r1', 'Nobody rang back'), post('r2', 'Dim digon o amser')];
  compose.update({ workshop: { status: 'running' } });
  const [r1, r2] = compose.el.querySelectorAll('li.waiting-post');
  assert.deepEqual(texts(compose.el, 'li.waiting-post .text'), ['Nobody rang back', 'Dim digon o amser']);
  assert.match(r1.textContent, /waiting/i);
  conn.outbox = [conn.outbox[1], post('r3', 'Parking')];
  handlers.outbox();
  assert.deepEqual(compose.el.querySelectorAll('li.waiting-post').slice(0, 1), [r2]);
  assert.equal(r1.parentNode, null);
  assert.deepEqual(texts(compose.el, 'li.waiting-post .text'), ['Dim digon o amser', 'Parking']);
});

test('series: a meeting changing elsewhere keeps each row and the focus on its Open button', async () => {
  const { createSeries } = await import('./components/series.js');
  const { rememberCreated, forgetWorkshop } = await import('./storage.js');
  rememberCreated({ workshopId: 'm1', title: 'First', token: 't1', createdAt: 1 });
  try {
    const meetings = [{ workshopId: 'm1', title: 'First', status: 'ended', date: '2026-01-05' },
      { workshopId: 'm2', title: 'Second', status: 'running' }];
    const s = { workshop: { id: 'm2', title: 'Second', status: 'running' }, series: { id: 's1', meetings } };
    const series = createSeries({ conn: {}, state: () => s }, { token: 'x' });
    mount(series.el);
    series.update(s);
    const rows = series.el.querySelectorAll('li.series-meeting');
    const open = rows[0].querySelector('button');
    assert.equal(open.getAttribute('aria-label'), 'Open the console of First');
    open.focus();
    series.update({ ...s, series: { ...s.series, meetings: [...meetings, { workshopId: 'm3', title: 'Third', status: 'lobby' }] } });
    assert.deepEqual(series.el.querySelectorAll('li.series-meeting').slice(0, 2), rows);
    assert.equal(doc.activeElement, open);
    assert.equal(rows[1].getAttribute('aria-current'), 'page');
    assert.deepEqual(texts(series.el, '.series-title'), ['First', 'Second', 'Third']);
    assert.equal(series.el.querySelectorAll('li.series-meeting')[2].querySelector('button'), null, 'not made here: no Open');
  } finally {
    forgetWorkshop({ tokens: ['t1'], workshopId: 'm1' });
  }
});
