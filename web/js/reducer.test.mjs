// Unit tests for the reducer's theme, vote, poll, hand and end events: node --test web/js/
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { applyEvent, applyOwnReaction, applyOwnVote, votesRemaining } from './connection.js';

const ev = (name, data) => ({ t: 'ev', name, data });

function base() {
  return {
    workshop: { id: 'w', title: 'T', status: 'running', settings: { votesPerParticipant: 5 } },
    phase: { index: 1, status: 'running', endsAt: 5000, remainingMs: 4000 },
    participants: [{ id: 'p1', name: 'Sam', role: 'participant', online: true }],
    contributions: [
      { id: 'c1', text: 'one', themeId: null, votes: 0, fits: ['t1'] },
      { id: 'c2', text: 'two', themeId: 't1', votes: 0 },
      { id: 'c3', text: 'three', themeId: null, votes: 2, kind: 'parking' },
    ],
    themes: [{ id: 't1', label: 'Access', contributionIds: ['c2'], votes: 1 }],
    suggestions: [],
    polls: [],
    hands: [],
    spotlight: null,
    parking: ['c3'],
    yourVotes: { t1: 1, c3: 2 },
  };
}

describe('themes', () => {
  test('theme.created takes its contributions out of other themes and sets their themeId', () => {
    const s = applyEvent(base(), ev('theme.created', { theme: { id: 't2', label: 'Time', contributionIds: ['c1', 'c2'] } }));
    assert.deepEqual(s.themes.find((t) => t.id === 't1').contributionIds, []);
    assert.deepEqual(s.themes.find((t) => t.id === 't2').contributionIds, ['c1', 'c2']);
    assert.equal(s.contributions.find((c) => c.id === 'c1').themeId, 't2');
    assert.equal(s.contributions.find((c) => c.id === 'c1').fits, undefined, 'a themed contribution needs no help');
    assert.equal(s.contributions.find((c) => c.id === 'c2').themeId, 't2');
  });

  test('contribution.moved moves between themes and out of any', () => {
    let s = applyEvent(base(), ev('contribution.moved', { id: 'c1', themeId: 't1' }));
    assert.deepEqual(s.themes[0].contributionIds, ['c2', 'c1']);
    assert.equal(s.contributions[0].themeId, 't1');
    s = applyEvent(s, ev('contribution.moved', { id: 'c2', themeId: null }));
    assert.deepEqual(s.themes[0].contributionIds, ['c1']);
    assert.equal(s.contributions[1].themeId, null);
  });

  test('theme.updated renames; theme.removed unthemes, returns our votes, clears its spotlight', () => {
    let s = applyEvent(base(), ev('theme.updated', { theme: { id: 't1', label: 'Getting in', contributionIds: ['c2'], votes: 1 } }));
    assert.equal(s.themes[0].label, 'Getting in');
    s = { ...s, spotlight: { type: 'theme', id: 't1' } };
    s = applyEvent(s, ev('theme.removed', { id: 't1' }));
    assert.equal(s.themes.length, 0);
    assert.equal(s.contributions[1].themeId, null);
    assert.deepEqual(s.yourVotes, { c3: 2 });
    assert.equal(s.spotlight, null);
  });

  test('themes.suggested replaces; placement.updated sets and clears fits', () => {
    let s = applyEvent(base(), ev('themes.suggested', { suggestions: [{ label: 'X', contributionIds: ['c1'] }] }));
    assert.equal(s.suggestions.length, 1);
    s = applyEvent(s, ev('placement.updated', { fits: { c1: [], c3: ['t1'] } }));
    assert.equal('fits' in s.contributions[0], false);
    assert.deepEqual(s.contributions[2].fits, ['t1']);
  });
});

describe('contributions', () => {
  test('withdrawn: gone, out of its theme and the parking lot, our votes back', () => {
    let s = applyEvent(base(), ev('contribution.removed', { id: 'c2', hidden: false }));
    assert.deepEqual(s.themes[0].contributionIds, []);
    s = applyEvent(s, ev('contribution.removed', { id: 'c3', hidden: false }));
    assert.deepEqual(s.parking, []);
    assert.deepEqual(s.yourVotes, { t1: 1 });
  });

  test('hidden: a facilitator keeps it marked hidden (and in its theme); others drop it; unhide restores', () => {
    const forFacilitator = applyEvent(base(), ev('contribution.removed', { id: 'c2', hidden: true }), new Set(), { facilitator: true });
    assert.equal(forFacilitator.contributions.find((c) => c.id === 'c2').hidden, true);
    assert.deepEqual(forFacilitator.themes[0].contributionIds, ['c2']);
    const forOthers = applyEvent(base(), ev('contribution.removed', { id: 'c2', hidden: true }));
    assert.equal(forOthers.contributions.some((c) => c.id === 'c2'), false);
    const back = applyEvent(forFacilitator, ev('contribution.added', { contribution: { id: 'c2', text: 'two', themeId: 't1' } }));
    assert.equal(back.contributions.find((c) => c.id === 'c2').hidden, undefined);
  });

  test('contribution.updated keeps a facilitator\'s hidden mark', () => {
    const s0 = applyEvent(base(), ev('contribution.removed', { id: 'c1', hidden: true }), new Set(), { facilitator: true });
    const s = applyEvent(s0, ev('contribution.updated', { contribution: { id: 'c1', text: 'edited', themeId: null } }));
    assert.equal(s.contributions[0].hidden, true);
    assert.equal(s.contributions[0].text, 'edited');
  });

  test('contribution.updated that parks a post: into the parking lot, out of its theme, our votes back', () => {
    const s0 = { ...base(), yourVotes: { t1: 1, c2: 2 } };
    const parked = { id: 'c2', text: 'two', kind: 'parking', status: 'open', owner: null, themeId: null, votes: 0 };
    const s = applyEvent(s0, ev('contribution.updated', { contribution: parked }));
    assert.deepEqual(s.parking, ['c3', 'c2']);
    assert.deepEqual(s.themes[0].contributionIds, [], 'left its theme');
    assert.deepEqual(s.yourVotes, { t1: 1 }, 'our votes on it came back');
    assert.equal(s.contributions.find((c) => c.id === 'c2').kind, 'parking');
    // The same event again (a resume replaying it) changes nothing more.
    const again = applyEvent(s, ev('contribution.updated', { contribution: parked }));
    assert.deepEqual(again.parking, ['c3', 'c2']);
  });

  test('contribution.updated that only edits leaves theme and parking alone', () => {
    const s = applyEvent(base(), ev('contribution.updated', { contribution: { id: 'c2', text: 'new', themeId: 't1' } }));
    assert.deepEqual(s.themes[0].contributionIds, ['c2']);
    assert.deepEqual(s.parking, ['c3']);
  });
});

describe('votes, polls, hands, spotlight, end', () => {
  test('votes.changed sets totals on themes and contributions', () => {
    let s = applyEvent(base(), ev('votes.changed', { targetId: 't1', votes: 4 }));
    assert.equal(s.themes[0].votes, 4);
    s = applyEvent(s, ev('votes.changed', { targetId: 'c1', votes: 1 }));
    assert.equal(s.contributions[0].votes, 1);
  });

  test('own votes: counted from acks, the server\'s remaining wins, never below zero', () => {
    let s = base();
    assert.equal(votesRemaining(s), 2);
    s = applyOwnVote(s, 'c1', 1, null);
    assert.equal(s.yourVotes.c1, 1);
    assert.equal(votesRemaining(s), 1);
    s = applyOwnVote(s, 'c1', -1, { remaining: 2 });
    assert.equal('c1' in s.yourVotes, false);
    assert.equal(votesRemaining(s), 2);
    s = applyOwnVote(s, 'zz', -1, null);
    assert.equal('zz' in s.yourVotes, false);
  });

  test('polls open, tally, close', () => {
    const poll = { id: 'q1', question: 'Q?', options: ['a', 'b'], status: 'open', counts: [0, 0] };
    let s = applyEvent(base(), ev('poll.opened', { poll }));
    s = applyEvent(s, ev('poll.tallied', { pollId: 'q1', counts: [2, 1] }));
    assert.deepEqual(s.polls[0].counts, [2, 1]);
    s = applyEvent(s, ev('poll.closed', { poll: { ...poll, status: 'closed', counts: [2, 1] } }));
    assert.equal(s.polls[0].status, 'closed');
    assert.equal(applyEvent(s, ev('poll.tallied', { pollId: 'nope', counts: [1] })), s);
  });

  test('hands, floor, spotlight, participant.removed', () => {
    let s = applyEvent(base(), ev('hands.changed', { queue: ['p1'] }));
    assert.deepEqual(s.hands, ['p1']);
    s = applyEvent(s, ev('floor.given', { participantId: 'p1' }));
    assert.equal(s.floor, 'p1');
    s = applyEvent(s, ev('spotlight.changed', { spotlight: { type: 'contribution', id: 'c1' } }));
    assert.deepEqual(s.spotlight, { type: 'contribution', id: 'c1' });
    s = applyEvent(s, ev('spotlight.changed', { spotlight: null }));
    assert.equal(s.spotlight, null);
    s = applyEvent(s, ev('participant.removed', { id: 'p1' }));
    assert.equal(s.participants[0].removed, true);
    assert.equal(s.participants[0].online, false);
  });

  test('workshop.ended ends the workshop and its phase', () => {
    const s = applyEvent(base(), ev('workshop.ended', {}));
    assert.equal(s.workshop.status, 'ended');
    assert.equal(s.phase.status, 'done');
    assert.equal(s.phase.endsAt, null);
  });

  test('workshop.created takes its phase too', () => {
    const s = applyEvent({}, ev('workshop.created', {
      workshop: { id: 'w', title: 'T', status: 'lobby' },
      phases: [{ index: 0, title: 'A' }],
      phase: { index: 0, status: 'pending' },
      participants: [{ id: 'f', role: 'facilitator' }],
    }));
    assert.equal(s.phase.status, 'pending');
    assert.equal(s.participants.length, 1);
  });
});

test('our own reactions follow the acks: on adds, off removes, a repeat changes nothing', () => {
  let s = applyOwnReaction(base(), 'c1', 'agree', true);
  assert.deepEqual(s.yourReactions, { c1: ['agree'] });
  s = applyOwnReaction(s, 'c1', 'heart', true);
  assert.deepEqual(s.yourReactions, { c1: ['agree', 'heart'] });
  assert.equal(applyOwnReaction(s, 'c1', 'heart', true), s);
  s = applyOwnReaction(s, 'c1', 'agree', false);
  s = applyOwnReaction(s, 'c1', 'heart', false);
  assert.deepEqual(s.yourReactions, {});
  assert.equal(applyOwnReaction(s, 'c1', 'agree', undefined), s, 'no answer in the ack: no guess');
});

test('actions, series and carried items', () => {
  let s = { contributions: [{ id: 'c1', text: 'x' }], actions: [] };
  s = applyEvent(s, { name: 'action.added', data: { action: { id: 'a1', text: 'Ask', status: 'open' } } });
  s = applyEvent(s, { name: 'action.updated', data: { action: { id: 'a1', text: 'Ask', status: 'done' } } });
  assert.deepEqual(s.actions.map((a) => a.status), ['done']);
  s = applyEvent(s, { name: 'items.carried', data: { contributions: { c1: { workshopId: 'w0', id: 'c4' } },
    actions: [{ id: 'a2', text: 'Go on', status: 'open', carriedFrom: { workshopId: 'w0', id: 'a1' } }] } });
  assert.deepEqual(s.contributions[0].carriedFrom, { workshopId: 'w0', id: 'c4' });
  assert.equal(s.actions.length, 2);
  s = applyEvent(s, { name: 'series.updated', data: { series: { id: 's1', title: 'T', meetings: [] } } });
  assert.equal(s.series.id, 's1');
});
