// What an answer tells this client that no event does: which contributions are its own (an
// anonymous post's event has no author), its own votes, ready tick, reactions and poll answers.
// Pure functions over the state, plus the own-id list kept in storage for this token.
import { readJson, writeJson } from './storage.js';
import { applyOwnReaction, applyOwnVote, list } from './reducer.js';

/** Ids of contributions this person wrote, kept for their token (bounded: the oldest go first). */
export class OwnIds {
  constructor(storage, key, limit = 1000) {
    this._storage = storage;
    this._key = key;
    this._limit = limit;
    this.ids = new Set(list(readJson(storage, key, [])).filter((x) => typeof x === 'string'));
  }

  has(id) { return this.ids.has(id); }

  add(id) {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    this.save();
    return true;
  }

  delete(id) {
    if (!this.ids.delete(id)) return false;
    this.save();
    return true;
  }

  clear() {
    this.ids.clear();
    this.save();
  }

  save() {
    let ids = [...this.ids];
    if (ids.length > this._limit) {
      ids = ids.slice(-this._limit);
      this.ids = new Set(ids);
    }
    writeJson(this._storage, this._key, ids.length ? ids : null);
  }
}

/**
 * Full state from a welcome, with this person's contributions marked `mine` (the server marks them
 * too; this adds the ones we know from acks). The server's `yourAnswers`, `yourVotes` and
 * `yourReactions` are the truth: nothing kept on this device overrides them (another device may
 * have answered since).
 */
export function adoptState(state, own) {
  state = state ?? {};
  let learned = false;
  for (const c of list(state.contributions)) {
    if (c?.mine && !own.ids.has(c.id)) { own.ids.add(c.id); learned = true; }
  }
  if (learned) own.save();
  if (!Array.isArray(state.contributions)) return state;
  return {
    ...state,
    contributions: state.contributions.map((c) => (c && !c.mine && own.ids.has(c.id) ? { ...c, mine: true } : c)),
  };
}

function markMine(state, id) {
  const cs = list(state?.contributions);
  const i = cs.findIndex((c) => c.id === id);
  if (i < 0 || cs[i].mine) return state;
  const next = cs.slice();
  next[i] = { ...cs[i], mine: true };
  return { ...state, contributions: next };
}

/**
 * The state after the ack of `entry` (an outbox command {name, args}) with `result`; the same
 * object when nothing changed. Own ids are updated in `own`.
 */
export function applyAck(state, entry, result, own) {
  const args = entry.args ?? {};
  switch (entry.name) {
    case 'contribution.add':
      // The ev frame came first and could not say it was ours (anonymous posts have no author).
      if (typeof result?.id !== 'string') return state;
      own.add(result.id);
      return state ? markMine(state, result.id) : state;
    case 'contribution.withdraw':
      if (typeof args.id === 'string') own.delete(args.id);
      return state;
    case 'ready.set':
      return state ? { ...state, yourReady: Boolean(args.ready) } : state;
    case 'vote.cast':
    case 'vote.retract':
      return state ? applyOwnVote(state, args.targetId, entry.name === 'vote.cast' ? 1 : -1, result) : state;
    case 'reaction.toggle':
      return state ? applyOwnReaction(state, args.contributionId, args.reaction, result?.on) : state;
    case 'poll.answer':
      // The welcome state carries yourAnswers; until the next one, the ack says what we answered.
      if (!state || typeof args.pollId !== 'string') return state;
      return { ...state, yourAnswers: { ...(state.yourAnswers ?? {}), [args.pollId]: args.option } };
    default:
      return state;
  }
}
