// What the facilitator console works out without a DOM, so it is unit tested: the people it lists
// (and whom it offers to remove), the checks before a theme merge, the links it shows, and the
// links this browser keeps for a workshop it created.
import { KEYS, keysIn, normalizeCode, probeStorage, readJson, writeJson } from './storage.js';
import { LIMITS } from './wire.js';

/** Storage key prefix for a workshop's links (KEYS.links). */
export const LINKS_PREFIX = KEYS.links('');
/** Kept links older than this are dropped (a workshop's data is gone by then anyway, by default). */
export const LINKS_KEEP_MS = 90 * 24 * 60 * 60 * 1000;
/** The server's limit on a theme label (in characters, that is code points). */
export const THEME_LABEL_MAX = LIMITS.themeLabel;

// ---------------------------------------------------------------------------------------------
// Links (docs/protocol.md: `/j/ABC234`, `/f/#<facilitatorToken>`, `/d/#<displayToken>`)

export function joinPath(code) {
  return `/j/${normalizeCode(code)}`;
}

export function facilitatorPath(token) {
  return `/f/#${encodeURIComponent(String(token))}`;
}

export function displayPath(token) {
  return `/d/#${encodeURIComponent(String(token))}`;
}

/** A display link as kept or given: only ever a `/d/#…` path, so nothing else can become a link. */
export function safeDisplayPath(path) {
  return typeof path === 'string' && /^\/d\/#[A-Za-z0-9._~%-]+$/.test(path) ? path : null;
}

/** The token in a `/f/#…` or `/d/#…` path, or '' for anything else. */
export function tokenOfPath(path) {
  const m = /^\/[fd]\/#(.+)$/.exec(String(path ?? ''));
  try { return m ? decodeURIComponent(m[1]) : ''; } catch { return ''; }
}

/**
 * The QR code of the join link. It is cached for an hour, and a new join code must not leave the old
 * picture on a screen: the code in the query makes each code's picture its own (the server ignores it).
 */
export function qrPath(workshopId, code) {
  return `/api/workshops/${encodeURIComponent(String(workshopId))}/qr.svg?code=${normalizeCode(code)}`;
}

/** localStorage when this browser has a working one, else null (then nothing is kept). */
export function browserStorage() {
  return probeStorage('localStorage');
}

/**
 * Keeps the display link of a workshop this browser just created, so that its facilitator console
 * can show it again later (the server keeps only a hash of each token and cannot give it back).
 * Old entries are dropped on the way.
 */
export function rememberLinks(storage, workshopId, links, now = Date.now()) {
  const display = safeDisplayPath(links?.display);
  if (!storage || !workshopId || !display) return false;
  forgetOldLinks(storage, now);
  // Never for a workshop this page has forgotten; a full or broken storage only loses the link, which
  // was still shown once.
  return writeJson(storage, KEYS.links(workshopId), { display, savedAt: now });
}

/** The links kept for this workshop in this browser: `{display}` or null. */
export function recallLinks(storage, workshopId, now = Date.now()) {
  if (!storage || !workshopId) return null;
  const kept = readJson(storage, KEYS.links(workshopId), null);
  const display = safeDisplayPath(kept?.display);
  if (!display || !(now - Number(kept.savedAt) < LINKS_KEEP_MS)) return null;
  return { display };
}

/** Drops kept links older than LINKS_KEEP_MS (and any that cannot be read). */
export function forgetOldLinks(storage, now = Date.now()) {
  if (!storage) return;
  for (const k of keysIn(storage)) {
    if (!k.startsWith(LINKS_PREFIX)) continue;
    const savedAt = Number(readJson(storage, k, null)?.savedAt);
    if (!(now - savedAt < LINKS_KEEP_MS)) {
      try { storage.removeItem(k); } catch { /* unwritable: nothing to drop */ }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Who may join: the `joiningLocked` setting and new join codes

/** Whether the facilitators have stopped new people joining. */
export function joiningLocked(state) {
  return state?.workshop?.settings?.joiningLocked === true;
}

/** The `workshop.update` args that stop (true) or allow (false) new people joining. */
export function lockArgs(locked) {
  return { settings: { joiningLocked: Boolean(locked) } };
}

/** POST here (facilitator token, body {}) for a new join code; the old one stops working. */
export function newJoinCodePath(workshopId) {
  return `/api/workshops/${encodeURIComponent(String(workshopId))}/join-code`;
}

/**
 * The join code to show: the one just made here (from the answer to the request) until the
 * workshop's state has moved on from the code it replaced (its `workshop.updated` event), so the
 * console never shows a dead code in between; after that, always the state's.
 * @param {string} stateCode the state's `workshop.joinCode`
 * @param {{code: string, replaced: string}|null} issued
 */
export function shownJoinCode(stateCode, issued) {
  return issued && stateCode === issued.replaced ? issued.code : stateCode ?? '';
}

// ---------------------------------------------------------------------------------------------
// People

/**
 * Everyone who has joined and is still in the workshop (facilitators first, then participants,
 * each in the order they joined), and whether the console offers to remove them: never yourself,
 * never after the end (the server answers ENDED).
 */
export function peopleOf(state, meId) {
  const ended = state?.workshop?.status === 'ended';
  const rank = (p) => (p.role === 'facilitator' ? 0 : 1);
  return (state?.participants ?? [])
    .filter((p) => p && p.id && !p.removed && (p.role === 'participant' || p.role === 'facilitator'))
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => ({
      id: p.id,
      name: p.name ?? '',
      role: p.role,
      group: p.group ?? null,
      online: Boolean(p.online),
      you: p.id === meId,
      removable: p.id !== meId && !ended,
    }));
}

// ---------------------------------------------------------------------------------------------
// Merging themes

const codePoints = (s) => [...s].length;

/** The chosen ids that are still themes, in the board's order (a theme may go while choosing). */
export function chosenThemes(themes, ids) {
  const want = new Set(ids ?? []);
  return (themes ?? []).filter((t) => t && want.has(t.id));
}

/** What is wrong with this merge, as a message key, or null when it can be sent. */
export function mergeProblem(themes, ids, label) {
  if (chosenThemes(themes, ids).length < 2) return 'merge.needTwo';
  const l = String(label ?? '').trim();
  if (!l) return 'merge.needLabel';
  if (codePoints(l) > THEME_LABEL_MAX) return 'merge.tooLong';
  return null;
}

/** The `theme.merge` args: the chosen themes still there, in the board's order, and the label. */
export function mergeArgs(themes, ids, label) {
  return { ids: chosenThemes(themes, ids).map((t) => t.id), label: String(label ?? '').trim() };
}

/** A name to start from: the label of the first chosen theme (merging is often of near-duplicates). */
export function suggestedMergeLabel(themes, ids) {
  return chosenThemes(themes, ids)[0]?.label ?? '';
}
