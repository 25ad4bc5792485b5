// Unit tests for the console's own logic that needs no DOM: node --test web/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptArgs } from './components/suggestions.js';

test('a suggestion is accepted by its id, which does not shift as the list shrinks', () => {
  const list = [{ id: 's1', label: 'A' }, { id: 's2', label: 'B' }, { id: 's3', label: 'C' }];
  assert.deepEqual(acceptArgs(list[1], 1), { ids: ['s2'] });
  // After s1 is accepted the list is [s2, s3]: the button beside s3 still sends s3.
  const after = list.slice(1);
  assert.deepEqual(acceptArgs(after[1], 1), { ids: ['s3'] });
  // A suggestion from an older server, without an id, falls back to its position.
  assert.deepEqual(acceptArgs({ label: 'X' }, 2), { indexes: [2] });
});

import { agendaMoves } from './components/agenda.js';

const agendaState = (status, index, phaseStatus = 'running') => ({
  workshop: { status }, phase: { index, status: phaseStatus }, phases: [{ title: 'A' }, { title: 'B' }, { title: 'C' }],
});

test('agenda in the lobby: only Start, sent as phase.next from -1 so two presses start part 1 once', () => {
  const m = agendaMoves(agendaState('lobby', 0, 'pending'));
  assert.deepEqual(m.start, { name: 'phase.next', args: { from: -1 } });
  assert.equal(m.next, null);
  assert.equal(m.prev, null);
});

test('agenda while running: next and back pinned to the part on screen; none past either end', () => {
  const mid = agendaMoves(agendaState('running', 1));
  assert.equal(mid.start, null);
  assert.deepEqual(mid.next, { name: 'phase.next', args: { from: 1 } });
  assert.deepEqual(mid.prev, { name: 'phase.prev', args: { from: 1 }, to: 0 });
  assert.equal(agendaMoves(agendaState('running', 0)).prev, null);
  assert.equal(agendaMoves(agendaState('running', 2)).next, null);
  const ended = agendaMoves(agendaState('ended', 1, 'done'));
  assert.deepEqual([ended.start, ended.prev, ended.next], [null, null, null]);
});

import { themeEditingAllowed } from './live.js';

test('theme editing: facilitators always; participants only when everyone may and the part allows grouping', () => {
  const ws = (themeEditing, status = 'running') => ({ workshop: { status, settings: themeEditing ? { themeEditing } : {} } });
  assert.equal(themeEditingAllowed(ws('facilitators'), true, true), true);
  assert.equal(themeEditingAllowed(ws('facilitators'), false, true), false);
  assert.equal(themeEditingAllowed(ws(undefined), false, true), false, 'the default is facilitators');
  assert.equal(themeEditingAllowed(ws('everyone'), false, true), true);
  assert.equal(themeEditingAllowed(ws('everyone'), false, false), false, 'not where the part allows no grouping');
  assert.equal(themeEditingAllowed(ws('everyone', 'ended'), true, true), false);
});

import { matchesFilter, parseFilter } from './components/filter.js';

test('board filter: all, mine, questions, one theme', () => {
  const posts = [
    { id: 'a', kind: 'idea', mine: true, themeId: 't1' },
    { id: 'b', kind: 'question', mine: false, themeId: null },
    { id: 'c', kind: 'story', mine: false, themeId: 't1' },
  ];
  const ids = (v) => posts.filter((c) => matchesFilter(c, parseFilter(v))).map((c) => c.id);
  assert.deepEqual(ids('all'), ['a', 'b', 'c']);
  assert.deepEqual(ids('mine'), ['a']);
  assert.deepEqual(ids('questions'), ['b']);
  assert.deepEqual(ids('theme:t1'), ['a', 'c']);
  assert.deepEqual(ids('nonsense'), ['a', 'b', 'c'], 'anything else shows everything');
});
