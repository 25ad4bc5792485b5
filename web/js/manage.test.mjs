// Unit tests for the facilitator console's own logic (manage.js): node --test web/js/
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  LINKS_KEEP_MS, LINKS_PREFIX, chosenThemes, displayPath, facilitatorPath, forgetOldLinks, joinPath, joiningLocked,
  lockArgs, mergeArgs, mergeProblem, newJoinCodePath, peopleOf, qrPath, recallLinks, rememberLinks, safeDisplayPath,
  shownJoinCode, suggestedMergeLabel, tokenOfPath,
} from './manage.js';
import en from '../i18n/en.js';
import cy from '../i18n/cy.js';

/** A Storage with key()/length, like localStorage. */
function fakeStorage(initial = {}) {
  const m = new Map(Object.entries(initial));
  return {
    get length() { return m.size; },
    key: (i) => [...m.keys()][i] ?? null,
    getItem: (k) => (m.has(k) ? m.get(k) : null),
    setItem: (k, v) => { m.set(k, String(v)); },
    removeItem: (k) => { m.delete(k); },
    keys: () => [...m.keys()],
  };
}

const TOKEN = 'w3k9.AbC-d_e';

describe('links', () => {
  test('the link forms of docs/protocol.md', () => {
    assert.equal(joinPath('abc-234'), '/j/ABC234');
    assert.equal(facilitatorPath(TOKEN), `/f/#${TOKEN}`);
    assert.equal(displayPath(TOKEN), `/d/#${TOKEN}`);
    assert.equal(displayPath('a b'), '/d/#a%20b');
  });

  test('only a /d/# path is ever taken as a display link', () => {
    assert.equal(safeDisplayPath(`/d/#${TOKEN}`), `/d/#${TOKEN}`);
    for (const bad of ['javascript:alert(1)', '/f/#x', '//evil.example/d/#x', '/d/#', '/d/#a b', null, 42, 'https://x/d/#a']) {
      assert.equal(safeDisplayPath(bad), null, String(bad));
    }
  });

  test('a token is read back from its link, and only from a console or display link', () => {
    assert.equal(tokenOfPath(displayPath(TOKEN)), TOKEN);
    assert.equal(tokenOfPath(facilitatorPath('a b')), 'a b');
    for (const bad of ['/j/ABC234', '/d/#', '/x/#t', null, '/d/#%E0%A4%A']) assert.equal(tokenOfPath(bad), '', String(bad));
  });

  test('a created workshop\'s display link is kept for its id and recalled', () => {
    const s = fakeStorage();
    assert.equal(rememberLinks(s, 'w1', { join: '/j/ABC234', display: `/d/#${TOKEN}`, facilitator: '/f/#secret' }, 1000), true);
    assert.deepEqual(recallLinks(s, 'w1', 2000), { display: `/d/#${TOKEN}` });
    assert.equal(recallLinks(s, 'w2', 2000), null, 'another workshop');
    assert.doesNotMatch(s.getItem(`${LINKS_PREFIX}w1`), /secret/, 'the facilitator link is not kept');
  });

  test('nothing is kept without storage or a proper display link; unreadable entries recall nothing', () => {
    assert.equal(rememberLinks(null, 'w1', { display: `/d/#${TOKEN}` }), false);
    const s = fakeStorage({ [`${LINKS_PREFIX}w1`]: '{not json', [`${LINKS_PREFIX}w2`]: '{"display":"javascript:x","savedAt":1}' });
    assert.equal(rememberLinks(s, 'w3', { display: 'javascript:x' }), false);
    assert.equal(recallLinks(s, 'w1', 2), null);
    assert.equal(recallLinks(s, 'w2', 2), null);
    assert.equal(recallLinks(null, 'w1'), null);
  });

  test('old links are forgotten; a full storage is not an error', () => {
    const s = fakeStorage({ other: 'kept' });
    rememberLinks(s, 'old', { display: `/d/#${TOKEN}` }, 0);
    assert.equal(recallLinks(s, 'old', LINKS_KEEP_MS + 1), null);
    rememberLinks(s, 'new', { display: `/d/#${TOKEN}` }, LINKS_KEEP_MS + 1);
    assert.deepEqual(s.keys().sort(), [`${LINKS_PREFIX}new`, 'other']);
    forgetOldLinks(s, 3 * LINKS_KEEP_MS);
    assert.deepEqual(s.keys(), ['other']);
    const full = { ...fakeStorage(), setItem: () => { throw new Error('QuotaExceededError'); } };
    assert.equal(rememberLinks(full, 'w', { display: `/d/#${TOKEN}` }), false);
  });
});

describe('people', () => {
  const state = {
    workshop: { status: 'running' },
    participants: [
      { id: 'p1', name: 'Facilitator', role: 'facilitator', online: true },
      { id: 'p2', name: 'Sam', role: 'participant', group: 'carers', online: true },
      { id: 'p3', name: 'Alex', role: 'facilitator', online: false },
      { id: 'p4', name: 'Gone', role: 'participant', removed: true },
      { id: 'display', name: 'Display', role: 'display' },
      { id: 'p5', name: 'Priya', role: 'participant' },
    ],
  };

  test('facilitators first, then participants in the order they joined; removed and displays left out', () => {
    assert.deepEqual(peopleOf(state, 'p1').map((p) => p.id), ['p1', 'p3', 'p2', 'p5']);
    const sam = peopleOf(state, 'p1').find((p) => p.id === 'p2');
    assert.deepEqual(sam, { id: 'p2', name: 'Sam', role: 'participant', group: 'carers', online: true, you: false, removable: true });
  });

  test('never offers to remove yourself, nor anyone after the end', () => {
    const me = peopleOf(state, 'p3').find((p) => p.you);
    assert.equal(me.id, 'p3');
    assert.equal(me.removable, false);
    assert.ok(peopleOf(state, 'p3').filter((p) => !p.you).every((p) => p.removable));
    const ended = { ...state, workshop: { status: 'ended' } };
    assert.ok(peopleOf(ended, 'p1').every((p) => !p.removable));
    assert.deepEqual(peopleOf({}, 'p1'), []);
  });
});

describe('merging themes', () => {
  const themes = [
    { id: 't1', label: 'Transport' },
    { id: 't2', label: 'Getting home' },
    { id: 't3', label: 'Carers' },
  ];

  test('needs two themes that are still there, and a name of at most 120 characters', () => {
    assert.equal(mergeProblem(themes, ['t1'], 'X'), 'merge.needTwo');
    assert.equal(mergeProblem(themes, ['t1', 'gone'], 'X'), 'merge.needTwo');
    assert.equal(mergeProblem(themes, ['t1', 't1'], 'X'), 'merge.needTwo');
    assert.equal(mergeProblem(themes, ['t1', 't3'], '   '), 'merge.needLabel');
    assert.equal(mergeProblem(themes, ['t1', 't3'], 'x'.repeat(121)), 'merge.tooLong');
    assert.equal(mergeProblem(themes, ['t1', 't3'], '🙂'.repeat(120)), null, 'characters, not UTF-16 units');
    assert.equal(mergeProblem(themes, ['t3', 't1'], ' Getting there '), null);
  });

  test('args: the chosen themes in the board\'s order, the trimmed label', () => {
    assert.deepEqual(mergeArgs(themes, ['t3', 'gone', 't1'], ' Getting there '), { ids: ['t1', 't3'], label: 'Getting there' });
    assert.deepEqual(chosenThemes(themes, []).length, 0);
  });

  test('the suggested name is the first chosen theme\'s', () => {
    assert.equal(suggestedMergeLabel(themes, ['t3', 't2']), 'Getting home');
    assert.equal(suggestedMergeLabel(themes, []), '');
  });
});

test('every problem mergeProblem names has words in English and Welsh', () => {
  const lookup = (cat, key) => key.split('.').reduce((o, k) => o?.[k], cat);
  const themes = [{ id: 't1', label: 'A' }, { id: 't2', label: 'B' }];
  const keys = new Set([
    mergeProblem(themes, ['t1'], 'x'), mergeProblem(themes, ['t1', 't2'], ''), mergeProblem(themes, ['t1', 't2'], 'x'.repeat(200)),
  ]);
  assert.equal(keys.size, 3);
  for (const k of keys) {
    assert.equal(typeof lookup(en, k), 'string', k);
    assert.equal(typeof lookup(cy, k), 'string', k);
  }
});

describe('who may join', () => {
  test('joiningLocked is the workshop setting, false unless it is exactly true', () => {
    assert.equal(joiningLocked({ workshop: { settings: { joiningLocked: true } } }), true);
    for (const s of [{ workshop: { settings: { joiningLocked: false } } }, { workshop: { settings: {} } }, { workshop: {} }, {}, null,
      { workshop: { settings: { joiningLocked: 'yes' } } }]) {
      assert.equal(joiningLocked(s), false, JSON.stringify(s));
    }
  });

  test('the pinned wire names: workshop.update settings, and POST …/join-code', () => {
    assert.deepEqual(lockArgs(true), { settings: { joiningLocked: true } });
    assert.deepEqual(lockArgs(0), { settings: { joiningLocked: false } });
    assert.equal(newJoinCodePath('w 1'), '/api/workshops/w%201/join-code');
  });

  test('each code has its own QR picture (it is cached for an hour)', () => {
    assert.equal(qrPath('w1', 'abc-234'), '/api/workshops/w1/qr.svg?code=ABC234');
    assert.notEqual(qrPath('w1', 'ABC-234'), qrPath('w1', 'XYZ-789'));
  });

  test('a code made here is shown until the state moves on from the code it replaced', () => {
    const issued = { code: 'NEW-234', replaced: 'OLD-234' };
    assert.equal(shownJoinCode('OLD-234', issued), 'NEW-234', 'the event is not here yet');
    assert.equal(shownJoinCode('NEW-234', issued), 'NEW-234');
    assert.equal(shownJoinCode('THI-RD2', issued), 'THI-RD2', 'another facilitator made one since');
    assert.equal(shownJoinCode('OLD-234', null), 'OLD-234');
    assert.equal(shownJoinCode(undefined, null), '');
  });

  test('the join page and the console have words for all of it, in English and Welsh', () => {
    const lookup = (cat, key) => key.split('.').reduce((o, k) => o?.[k], cat);
    const keys = ['errors.LOCKED', 'errors.NOT_CHANGED', 'display.joinClosed', 'invite.displayBlocked', 'invite.ownCopy',
      ...['heading', 'open', 'locked', 'lock', 'unlock', 'lockedNow', 'openNow', 'newCode', 'confirmTitle', 'confirmBody',
        'confirmStays', 'cancel', 'confirm', 'newCodeDone'].map((k) => `joining.${k}`)];
    for (const k of keys) {
      assert.equal(typeof lookup(en, k), 'string', k);
      assert.equal(typeof lookup(cy, k), 'string', k);
      assert.notEqual(lookup(cy, k), lookup(en, k), `${k} is in Welsh`);
    }
    assert.equal(en.errors.LOCKED, 'This workshop is not letting new people join just now. Ask the facilitator.');
    assert.equal(en.joining.lock, 'Stop new people joining');
    assert.equal(en.joining.unlock, 'Let people join again');
    assert.match(en.joining.confirmBody, /\{code\} will stop working/);
  });
});
