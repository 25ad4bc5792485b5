// Unit tests for outbox.js and acks.js (commands waiting for answers; what answers say): node --test web/js/
import { test, describe } from 'node:test';
import { readFileSync, readdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { Outbox, commandFrame, newRef } from './outbox.js';
import { OwnIds, adoptState, applyAck } from './acks.js';
import { memoryStorage, readJson } from './storage.js';
import { ERR } from './wire.js';

const entry = (name, args = {}) => ({ ref: newRef(), name, args, at: 0 });

describe('outbox', () => {
  test('keeps commands in order, in storage, until answered; the promise settles with the answer', async () => {
    const storage = memoryStorage();
    const sizes = [];
    const box = new Outbox(storage, 'cg.outbox.t1', { onChange: (n) => sizes.push(n) });
    const a = entry('contribution.add', { text: 'one' });
    const b = entry('hand.raise');
    const pa = box.add(a);
    box.add(b).catch(() => {});
    assert.deepEqual(readJson(storage, 'cg.outbox.t1', []).map((e) => e.ref), [a.ref, b.ref]);
    assert.equal(box.take(a.ref), a);
    box.settle(a.ref, 'resolve', { seq: 3 });
    assert.deepEqual(await pa, { seq: 3 });
    assert.deepEqual(sizes, [1, 2, 1]);
    // A reload: a new outbox on the same storage has what was not answered, with its ref.
    const again = new Outbox(storage, 'cg.outbox.t1');
    assert.deepEqual(again.snapshot().map((e) => e.ref), [b.ref]);
    assert.equal(again.awaited(b.ref), false, 'no promise of this page waits on it');
  });

  test('bounded: past the limit the oldest goes and its sender is told DROPPED', async () => {
    const box = new Outbox(memoryStorage(), 'k', { limit: 2 });
    const warn = console.warn;
    console.warn = () => {};
    try {
      const first = box.add(entry('a'));
      box.add(entry('b'));
      box.add(entry('c'));
      await assert.rejects(first, { code: ERR.DROPPED });
      assert.deepEqual(box.snapshot().map((e) => e.name), ['b', 'c']);
    } finally {
      console.warn = warn;
    }
  });

  test('clear rejects what waits and leaves nothing stored', async () => {
    const storage = memoryStorage();
    const box = new Outbox(storage, 'k');
    const p = box.add(entry('a'));
    box.clear({ code: ERR.CLOSED, message: 'left' });
    await assert.rejects(p, { code: ERR.CLOSED });
    assert.equal(storage.getItem('k'), null);
    assert.equal(box.size, 0);
  });

  test('stored entries that are not commands are skipped; frames are cmd frames', () => {
    const storage = memoryStorage();
    storage.setItem('k', JSON.stringify([{ ref: 'c-1', name: 'x', args: {} }, null, { ref: 2 }, 'junk']));
    const box = new Outbox(storage, 'k');
    assert.equal(box.size, 1);
    assert.deepEqual(JSON.parse(commandFrame(box.entries()[0])), { t: 'cmd', ref: 'c-1', name: 'x', args: {} });
  });
});

describe('acks', () => {
  const state = () => ({
    contributions: [{ id: 'c1', text: 'a', mine: false }, { id: 'c2', text: 'b', mine: true }],
    yourAnswers: { q0: 1 },
    yourReady: false,
  });

  test('an added contribution is ours from its ack (an anonymous one\'s event cannot say)', () => {
    const own = new OwnIds(memoryStorage(), 'm');
    const next = applyAck(state(), { name: 'contribution.add', args: {} }, { id: 'c1' }, own);
    assert.equal(next.contributions[0].mine, true);
    assert.ok(own.has('c1'));
    const withdrawn = applyAck(next, { name: 'contribution.withdraw', args: { id: 'c1' } }, { id: 'c1' }, own);
    assert.equal(own.has('c1'), false);
    assert.equal(withdrawn, next, 'the removal event changes the state, not the ack');
  });

  test('poll answers, ready: the ack shows ours; anything else leaves the state as it was', () => {
    const own = new OwnIds(memoryStorage(), 'm');
    const s = state();
    assert.deepEqual(applyAck(s, { name: 'poll.answer', args: { pollId: 'q1', option: 2 } }, {}, own).yourAnswers, { q0: 1, q1: 2 });
    assert.equal(applyAck(s, { name: 'ready.set', args: { ready: true } }, null, own).yourReady, true);
    assert.equal(applyAck(s, { name: 'hand.raise', args: {} }, null, own), s);
    assert.equal(applyAck(null, { name: 'poll.answer', args: { pollId: 'q1', option: 2 } }, {}, own), null);
  });

  test('a welcome\'s state is the truth: yourAnswers kept as sent, own ids learned and applied', () => {
    const storage = memoryStorage();
    const own = new OwnIds(storage, 'm');
    own.add('c1');
    const adopted = adoptState(state(), own);
    assert.deepEqual(adopted.yourAnswers, { q0: 1 });
    assert.deepEqual(adopted.contributions.map((c) => c.mine), [true, true]);
    assert.deepEqual(new OwnIds(storage, 'm').ids, new Set(['c1', 'c2']), 'kept for the next page');
  });

  test('own ids are bounded, the oldest going first', () => {
    const storage = memoryStorage();
    const own = new OwnIds(storage, 'm', 2);
    for (const id of ['a', 'b', 'c']) own.add(id);
    assert.deepEqual([...own.ids], ['b', 'c']);
    own.clear();
    assert.equal(storage.getItem('m'), null);
  });
});

test('close codes and error codes are spelled only in wire.js', () => {
  const dir = new URL('.', import.meta.url);
  const files = [...readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => new URL(f, dir)),
    ...readdirSync(new URL('components/', dir)).map((f) => new URL(`components/${f}`, dir))];
  for (const f of files) {
    if (f.pathname.endsWith('/wire.js')) continue;
    const code = readFileSync(f, 'utf8').split('\n').filter((l) => !/^\s*(\*|\/\*\*)/.test(l))
      .map((l) => l.replace(/\/\/.*$/, '')).join('\n'); // words in comments may name them
    assert.doesNotMatch(code, /\b4[0-9]{3}\b/, `${f.pathname}: a close code; use CLOSE in wire.js`);
    for (const name of Object.keys(ERR)) {
      assert.ok(!code.includes(`'${name}'`), `${f.pathname}: '${name}'; use ERR.${name} from wire.js`);
    }
  }
});
