// Unit tests for view logic that needs no DOM: participation figures, countdown words, plurals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { participation } from './stats.js';
import { countdownText, remainingMs } from './components/countdown.js';
import { formatDuration, getLang, t } from './i18n.js';

const person = (id, group, role = 'participant') => ({ id, name: id, role, group });

test('participation: groups under minGroupSize are folded into "other", shown only when big enough', () => {
  const state = {
    workshop: { settings: { minGroupSize: 3 } },
    participants: [
      person('f', null, 'facilitator'),
      person('a', 'carers'), person('b', 'carers'), person('c', 'carers'),
      person('d', 'professionals'), person('e', 'professionals'),
      person('g', 'community'),
    ],
    contributions: [
      { id: '1', group: 'carers', anonymous: false },
      { id: '2', group: 'carers', anonymous: false, hidden: true },
      { id: '3', group: null, anonymous: true },
      { id: '4', group: 'professionals', anonymous: false },
    ],
  };
  const p = participation(state);
  assert.deepEqual(p.rows, [{ group: 'carers', people: 3, posts: 1 }]);
  assert.deepEqual(p.other, { people: 3, posts: 1, groups: 2 });
  assert.equal(p.anonymous, 1);

  const small = participation({ ...state, participants: state.participants.slice(0, 6) });
  assert.equal(small.other, null, 'two professionals alone would be picked out');
  assert.equal(small.hiddenSmall, true);
});

test('participation: removed people and facilitators do not count', () => {
  const p = participation({
    workshop: { settings: { minGroupSize: 1 } },
    participants: [person('f', 'carers', 'facilitator'), { ...person('a', 'carers'), removed: true }, person('b', 'carers')],
    contributions: [],
  });
  assert.deepEqual(p.rows, [{ group: 'carers', people: 1, posts: 0 }]);
});

test('countdown: from endsAt with the server clock; paused and pending use remainingMs; over time', () => {
  assert.equal(getLang(), 'en');
  const running = { index: 0, status: 'running', endsAt: 100_000, remainingMs: 1 };
  assert.equal(remainingMs(running, 40_000), 60_000);
  assert.equal(countdownText(running, 40_000), '1:00 left');
  assert.equal(countdownText(running, 130_500), 'Over time by 0:31');
  assert.equal(countdownText({ status: 'paused', endsAt: null, remainingMs: 125_000 }, 0), 'Paused with 2:05 left');
  assert.equal(countdownText({ status: 'pending', endsAt: null, remainingMs: 600_000 }, 0), '10:00 planned');
  assert.equal(countdownText({ status: 'done' }, 0), '', 'an ended workshop\'s part says Finished, not "Time is up"');
  assert.equal(countdownText(null, 0), '');
  assert.equal(formatDuration(3_723_000), '1:02:03');
});

test('messages: placeholders and plurals', () => {
  assert.equal(t('votes.remaining', { count: 1 }), 'You have 1 vote left.');
  assert.equal(t('votes.remaining', { count: 4 }), 'You have 4 votes left.');
  assert.equal(t('phase.of', { n: 2, total: 3, title: 'X' }), 'Part 2 of 3: X');
  assert.equal(t('no.such.key'), 'no.such.key');
});

test('no view ever sets HTML: user text goes in as text only', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const dir = new URL('.', import.meta.url);
  const files = [...readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => new URL(f, dir)),
    ...readdirSync(new URL('components/', dir)).map((f) => new URL(`components/${f}`, dir))];
  for (const f of files) {
    assert.doesNotMatch(readFileSync(f, 'utf8'), /innerHTML|outerHTML|insertAdjacentHTML|document\.write/, f.pathname);
  }
});

test('a carried card says which meeting it came from, and names no anonymous author', async () => {
  const { authorText } = await import('./components/card.js');
  const state = {
    participants: [],
    series: { id: 's', meetings: [{ workshopId: 'w1', title: 'March meeting' }, { workshopId: 'w2', title: 'April' }] },
  };
  const named = { author: null, onBehalfOf: { name: 'Sam', group: 'carers' }, carriedFrom: { workshopId: 'w1', id: 'c3' } };
  const anon = { author: null, anonymous: true, onBehalfOf: null, carriedFrom: { workshopId: 'w1', id: 'c4' } };
  const lost = { author: null, onBehalfOf: null, carriedFrom: { workshopId: 'gone', id: 'c1' } };
  assert.equal(authorText(state, named), 'Sam · From the meeting “March meeting”');
  assert.equal(authorText(state, anon), 'From the meeting “March meeting”');
  assert.equal(authorText(state, lost), 'From the meeting before');
  for (const c of [named, anon, lost]) assert.doesNotMatch(authorText(state, c), /typed by the facilitator/);
  const cy = (await import('../i18n/cy.js')).default;
  assert.equal(cy.card.carriedFrom.replace('{meeting}', 'Mawrth'), 'O’r cyfarfod “Mawrth”');
});
