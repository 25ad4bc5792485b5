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
