// Common Ground: the reducer, kept apart from the socket handling in connection.js (which
// re-exports it, so views and tests may import either). Pure: runs in browsers and in node.

// The reducer: state (as in welcome) + one ev frame -> new state. Pure: the input is never
// modified, unchanged parts are shared, an unknown or malformed event returns `state` itself.

export const list = (a) => (Array.isArray(a) ? a : []);

function upsertById(items, item) {
  const out = list(items).slice();
  const i = out.findIndex((x) => x && x.id === item.id);
  if (i >= 0) out[i] = item;
  else out.push(item);
  return out;
}

/**
 * `mine` is only in welcome state; an event carries the same bytes to everyone, so whatever it
 * says about `mine` is ignored. Ours if we learned the id from an ack, or it was already ours.
 */
function withMine(c, prev, ownIds) {
  return { ...c, mine: Boolean(ownIds?.has(c.id) || prev?.mine) };
}

/** Takes contribution ids out of every theme but `keepThemeId`. */
function withoutIds(themes, ids, keepThemeId) {
  const drop = new Set(ids);
  let changed = false;
  const out = list(themes).map((t) => {
    if (t.id === keepThemeId) return t;
    const kept = list(t.contributionIds).filter((id) => !drop.has(id));
    if (kept.length === list(t.contributionIds).length) return t;
    changed = true;
    return { ...t, contributionIds: kept };
  });
  return changed ? out : themes;
}

/** Sets `themeId` on these contributions; a themed contribution needs no placement help. */
function placeContributions(contributions, ids, themeId) {
  const set = new Set(ids);
  return list(contributions).map((c) => {
    if (!set.has(c.id)) return c;
    const { fits, ...rest } = c;
    return { ...rest, themeId };
  });
}

/** Votes on a target that is gone go back to their voters: our own count of them included. */
function forgetVotes(state, targetId) {
  if (!state.yourVotes || !(targetId in state.yourVotes)) return state;
  const { [targetId]: _gone, ...rest } = state.yourVotes;
  const { votesRemaining: _stale, ...next } = state;
  return { ...next, yourVotes: rest };
}

/**
 * @param {object} state the workshop state as in welcome
 * @param {{name: string, data?: object}} ev an `ev` frame
 * @param {Set<string>} [ownIds] ids of contributions this client knows it wrote
 * @param {{facilitator?: boolean}} [viewer] facilitators keep hidden contributions (to unhide them)
 * @returns {object} the next state
 */
export function applyEvent(state, ev, ownIds, viewer = {}) {
  if (!state || !ev || typeof ev.name !== 'string') return state;
  const d = ev.data && typeof ev.data === 'object' ? ev.data : {};

  switch (ev.name) {
    case 'workshop.created': {
      // seq 1 of every workshop. Tolerant of its shape: {workshop, phases, facilitator} or flat.
      const { workshop, phases, phase, facilitator, participants, ...flat } = d;
      const next = { ...state, workshop: { ...state.workshop, ...(workshop ?? flat) } };
      if (Array.isArray(phases)) next.phases = phases;
      if (phase && typeof phase === 'object') next.phase = phase;
      if (Array.isArray(participants)) next.participants = participants;
      if (facilitator?.id) next.participants = upsertById(next.participants, { online: false, ...facilitator });
      return next;
    }

    case 'workshop.updated':
      if (!d.workshop || typeof d.workshop !== 'object') return state;
      return { ...state, workshop: { ...state.workshop, ...d.workshop } };

    case 'workshop.ended':
      // The last word on status, with no data: the phase is over too.
      return {
        ...state,
        workshop: { ...state.workshop, status: 'ended' },
        phase: { ...state.phase, status: 'done', endsAt: null, remainingMs: 0 },
      };

    case 'participant.joined': {
      const p = d.participant;
      if (!p?.id) return state;
      const prev = list(state.participants).find((x) => x.id === p.id);
      return { ...state, participants: upsertById(state.participants, { online: false, ...prev, ...p }) };
    }

    case 'participant.removed': {
      // Kept (their contributions stay and still need a name), marked so views can leave them out.
      const prev = list(state.participants).find((x) => x.id === d.id);
      if (!prev) return state;
      return { ...state, participants: upsertById(state.participants, { ...prev, online: false, removed: true }) };
    }

    case 'contribution.added': {
      // Also what a facilitator's unhide sends, hence insert or replace.
      const c = d.contribution;
      if (!c?.id) return state;
      const prev = list(state.contributions).find((x) => x.id === c.id);
      const { hidden: _h, ...shown } = withMine(c, prev, ownIds);
      const next = { ...state, contributions: upsertById(state.contributions, shown) };
      if (c.kind === 'parking' && Array.isArray(state.parking) && !state.parking.includes(c.id)) {
        next.parking = [...state.parking, c.id];
      }
      return next;
    }

    case 'contribution.updated': {
      // Replace only: an update to something we do not show (hidden) must not make it appear.
      const c = d.contribution;
      const prev = c?.id && list(state.contributions).find((x) => x.id === c.id);
      if (!prev) return state;
      const next = withMine(c, prev, ownIds);
      if (prev.hidden) next.hidden = true;
      if (prev.fits && !c.themeId && c.kind !== 'parking') next.fits = prev.fits;
      let out = { ...state, contributions: upsertById(state.contributions, next) };
      // Out of its theme (contribution.park sets themeId null): the theme lists it no more.
      if ((prev.themeId ?? null) !== (c.themeId ?? null)) out.themes = withoutIds(state.themes, [c.id], c.themeId ?? null);
      if (c.kind === 'parking' && prev.kind !== 'parking') {
        // Parked from its card: into the parking lot, and our votes on it came back to us.
        if (!list(state.parking).includes(c.id)) out.parking = [...list(state.parking), c.id];
        out = forgetVotes(out, c.id);
      }
      return out;
    }

    case 'contribution.removed': {
      const cs = list(state.contributions);
      const prev = cs.find((x) => x.id === d.id);
      if (!prev) return state;
      let next;
      if (d.hidden && viewer.facilitator) {
        next = { ...state, contributions: upsertById(cs, { ...prev, hidden: true }) };
      } else {
        next = { ...state, contributions: cs.filter((x) => x.id !== d.id) };
      }
      if (Array.isArray(state.parking)) next.parking = state.parking.filter((id) => id !== d.id);
      if (!d.hidden) {
        // Withdrawn for good: it leaves its theme and its votes go back.
        next.themes = withoutIds(state.themes, [d.id], null);
        next = forgetVotes(next, d.id);
      }
      return next;
    }

    case 'contribution.reacted': {
      const prev = list(state.contributions).find((x) => x.id === d.id);
      if (!prev || !d.reactions || typeof d.reactions !== 'object') return state;
      return { ...state, contributions: upsertById(state.contributions, { ...prev, reactions: { ...d.reactions } }) };
    }

    case 'contribution.moved': {
      if (typeof d.id !== 'string') return state;
      const themeId = typeof d.themeId === 'string' ? d.themeId : null;
      const themes = withoutIds(state.themes, [d.id], themeId).map((t) =>
        (t.id === themeId && !list(t.contributionIds).includes(d.id)
          ? { ...t, contributionIds: [...list(t.contributionIds), d.id] } : t));
      return { ...state, themes, contributions: placeContributions(state.contributions, [d.id], themeId) };
    }

    case 'theme.created': {
      const t = d.theme;
      if (!t?.id) return state;
      const ids = list(t.contributionIds);
      return {
        ...state,
        themes: upsertById(withoutIds(state.themes, ids, t.id), { votes: 0, ...t, contributionIds: ids }),
        contributions: placeContributions(state.contributions, ids, t.id),
      };
    }

    case 'theme.updated': {
      const t = d.theme;
      const prev = t?.id && list(state.themes).find((x) => x.id === t.id);
      if (!prev) return state;
      return { ...state, themes: upsertById(state.themes, { ...prev, ...t }) };
    }

    case 'theme.removed': {
      if (!list(state.themes).some((t) => t.id === d.id)) return state;
      const contributions = list(state.contributions).map((c) => (c.themeId === d.id ? { ...c, themeId: null } : c));
      const next = { ...state, themes: list(state.themes).filter((t) => t.id !== d.id), contributions };
      if (state.spotlight?.type === 'theme' && state.spotlight.id === d.id) next.spotlight = null;
      return forgetVotes(next, d.id);
    }

    case 'themes.suggested':
      return { ...state, suggestions: list(d.suggestions) };

    case 'placement.updated': {
      if (!d.fits || typeof d.fits !== 'object') return state;
      const contributions = list(state.contributions).map((c) => {
        if (!(c.id in d.fits)) return c;
        const fits = list(d.fits[c.id]);
        if (fits.length) return { ...c, fits };
        const { fits: _f, ...rest } = c;
        return rest;
      });
      return { ...state, contributions };
    }

    case 'votes.changed': {
      const { targetId, votes } = d;
      if (typeof targetId !== 'string' || typeof votes !== 'number') return state;
      const set = (items) => list(items).map((x) => (x.id === targetId ? { ...x, votes } : x));
      return { ...state, themes: set(state.themes), contributions: set(state.contributions) };
    }

    case 'poll.opened':
    case 'poll.closed':
      if (!d.poll?.id) return state;
      return { ...state, polls: upsertById(state.polls, d.poll) };

    case 'poll.tallied': {
      const prev = list(state.polls).find((p) => p.id === d.pollId);
      if (!prev || !Array.isArray(d.counts)) return state;
      return { ...state, polls: upsertById(state.polls, { ...prev, counts: d.counts }) };
    }

    case 'hands.changed':
      if (!Array.isArray(d.queue)) return state;
      return { ...state, hands: d.queue };

    case 'floor.given':
      // Not in welcome's state: who was last given the floor, for "X is speaking".
      return { ...state, floor: typeof d.participantId === 'string' ? d.participantId : null };

    case 'spotlight.changed':
      return { ...state, spotlight: d.spotlight && typeof d.spotlight === 'object' ? d.spotlight : null };

    case 'phase.changed':
      if (!d.phase || typeof d.phase !== 'object') return state;
      return { ...state, phase: d.phase };

    case 'ready.changed': {
      if (typeof d.count !== 'number') return state;
      const next = { ...state, readyCount: d.count };
      // A phase change resets every ready flag and announces it as count 0.
      if (d.count === 0) next.yourReady = false;
      return next;
    }

    case 'action.added':
    case 'action.updated':
      if (!d.action?.id) return state;
      return { ...state, actions: upsertById(state.actions, d.action) };

    case 'series.updated':
      return { ...state, series: d.series && typeof d.series === 'object' ? d.series : null };

    case 'items.carried': {
      // Follows the contribution.added of each carried item: where each came from, and the actions.
      const from = d.contributions && typeof d.contributions === 'object' ? d.contributions : {};
      const contributions = list(state.contributions).map((c) => (from[c.id] ? { ...c, carriedFrom: from[c.id] } : c));
      let actions = state.actions;
      for (const a of list(d.actions)) if (a?.id) actions = upsertById(actions, a);
      return { ...state, contributions, actions };
    }

    default:
      return state;
  }
}

/**
 * Our own dot votes, which only acks tell us about (votes.changed carries totals, by null).
 * `result.remaining` from the server wins over counting, so a resent command cannot skew it.
 */
export function applyOwnVote(state, targetId, delta, result) {
  if (!state || typeof targetId !== 'string') return state;
  const yourVotes = { ...(state.yourVotes ?? {}) };
  const n = Math.max(0, (yourVotes[targetId] ?? 0) + delta);
  if (n) yourVotes[targetId] = n;
  else delete yourVotes[targetId];
  const next = { ...state, yourVotes };
  if (typeof result?.remaining === 'number') next.votesRemaining = result.remaining;
  return next;
}

/**
 * Our own reactions (welcome's `yourReactions`), kept current from reaction.toggle acks: no event
 * says who reacted. `on` is the ack's answer, so a resent toggle cannot flip it the wrong way.
 */
export function applyOwnReaction(state, contributionId, reaction, on) {
  if (!state || typeof contributionId !== 'string' || typeof reaction !== 'string' || typeof on !== 'boolean') return state;
  const mine = list(state.yourReactions?.[contributionId]);
  if (mine.includes(reaction) === on) return state;
  const next = on ? [...mine, reaction] : mine.filter((r) => r !== reaction);
  const yourReactions = { ...(state.yourReactions ?? {}) };
  if (next.length) yourReactions[contributionId] = next;
  else delete yourReactions[contributionId];
  return { ...state, yourReactions };
}

/** Votes left to give: from the last ack when there is one, else budget minus what we gave. */
export function votesRemaining(state) {
  if (typeof state?.votesRemaining === 'number') return state.votesRemaining;
  // The budget is the server's (every settings object carries it); not known yet: none to give.
  const budget = state?.workshop?.settings?.votesPerParticipant ?? 0;
  const used = Object.values(state?.yourVotes ?? {}).reduce((a, b) => a + (Number(b) || 0), 0);
  return Math.max(0, budget - used);
}

/** Applies a `presence` frame's joined/left ids to the participants' `online` flags. */
export function applyPresence(state, frame) {
  if (!state || !frame) return state;
  const joined = new Set(list(frame.joined));
  const left = new Set(list(frame.left));
  if (!joined.size && !left.size) return state;
  let changed = false;
  const participants = list(state.participants).map((p) => {
    const online = joined.has(p.id) ? true : left.has(p.id) ? false : p.online;
    if (online === p.online) return p;
    changed = true;
    return { ...p, online };
  });
  return changed ? { ...state, participants } : state;
}

