// Everything Common Ground keeps in this browser, named in one place.
//
// Shared computers (a day centre, a ward, a library) are normal for the people who use this, so a
// workshop must be able to leave no trace on a device. The rule that makes that possible: every key
// the client writes for a workshop carries the workshop's token key (a short hash of the token) or
// the workshop's id as one of its dot-separated parts, or is one of the session slots that hold a
// token. forgetWorkshop() removes all of them, including keys added later that follow the rule;
// storage.test.mjs checks that no other module spells a key of its own.
//
// Nothing here touches storage, location or history at import time (node unit tests import it).

const PREFIX = 'cg.';

export const KEYS = Object.freeze({
  /** The interface language: the device's choice, not a workshop's, so leaving keeps it. */
  lang: 'cg.lang',
  /** Only while checking that storage works. */
  probe: 'cg.probe',
  /** sessionStorage, this tab: the participant's {token, joinCode}. */
  session: 'cg.session',
  /**
   * localStorage: who this device is in a workshop, {token, workshopId, joinCode, title}, so the join
   * link opened again (a new tab, a rescanned QR code, a restarted browser) brings the same person back.
   * Kept until they leave, are removed, or the token stops working.
   */
  person: (workshopId) => `cg.person.${workshopId}`,
  /** sessionStorage, this tab: the console's {token}, never left in the address bar. */
  console: 'cg.console',
  /** sessionStorage, this tab: the display's {token}, never left in the address bar. */
  display: 'cg.display',
  /** Commands sent but not answered yet (a post typed offline waits here). */
  outbox: (tk) => `cg.outbox.${tk}`,
  /** Ids of this person's own contributions. */
  mine: (tk) => `cg.mine.${tk}`,
  /** Text being typed: `name` is the view's (compose, edit.<contribution id>). */
  draft: (tk, name) => `cg.draft.${name}.${tk}`,
  /** A created workshop's display link, for its console (see manage.js). */
  links: (workshopId) => `cg.links.${workshopId}`,
  /** localStorage: a workshop this browser created, {workshopId, title, token, createdAt} (home's list). */
  created: (workshopId) => `cg.created.${workshopId}`,
});

/** Session slots whose value is {token, …}: forgotten along with that token's workshop. */
const TOKEN_SLOTS = [KEYS.session, KEYS.console, KEYS.display];
const PERSON_PREFIX = KEYS.person('');

/** Keys whose value is {token, …}: besides their parts, they go with the token they hold. */
const holdsToken = (key) => TOKEN_SLOTS.includes(key) || key.startsWith(PERSON_PREFIX);

// ---------------------------------------------------------------------------------------------
// Storage: the browser's when it works, else memory. Access can throw (privacy modes, disabled
// storage, quota), and losing a draft is better than breaking the view.

export function memoryStorage() {
  const m = new Map();
  return {
    get length() { return m.size; },
    key: (i) => [...m.keys()][i] ?? null,
    getItem: (k) => (m.has(k) ? m.get(k) : null),
    setItem: (k, v) => { m.set(k, String(v)); },
    removeItem: (k) => { m.delete(k); },
  };
}

/** The named Web Storage if it works here, else null. */
export function probeStorage(name) {
  try {
    const s = globalThis[name];
    if (s) {
      s.setItem(KEYS.probe, '1');
      s.removeItem(KEYS.probe);
      return s;
    }
  } catch { /* unavailable */ }
  return null;
}

let localCache = null;
let sessionCache = null;
/** localStorage, or memory where it does not work. */
export function localStore() {
  localCache ??= probeStorage('localStorage') ?? memoryStorage();
  return localCache;
}
/** sessionStorage (this tab only), or memory where it does not work. */
export function sessionStore() {
  sessionCache ??= probeStorage('sessionStorage') ?? memoryStorage();
  return sessionCache;
}

export function readJson(storage, key, fallback) {
  try {
    const raw = storage.getItem(key);
    return raw == null ? fallback : JSON.parse(raw);
  } catch {
    return fallback;
  }
}

/**
 * Writes JSON; null removes the key. Never writes a key of a workshop this page has forgotten.
 * Returns whether the storage now holds what was asked (false when sealed, full or unavailable).
 */
export function writeJson(storage, key, value) {
  if (value != null && isSealed(key, value)) return false;
  try {
    if (value == null) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value));
    return true;
  } catch (e) {
    console.warn('Common Ground: could not save to storage', key, e);
    return false;
  }
}

/** Every key in a Storage (a snapshot, so removing while walking it is safe). */
export function keysIn(storage) {
  const out = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k != null) out.push(k);
    }
  } catch { /* unreadable: nothing to list */ }
  return out;
}

/**
 * A short, stable name for a token, used in storage keys so that the secret token itself is
 * not spread over key names. Not a security measure; it only has to keep tokens apart.
 */
export function tokenKey(token) {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

// ---------------------------------------------------------------------------------------------
// The interface language: the device's choice, kept as the bare code ("cy") as it always has been,
// so a choice made before it was kept here still counts.

/** The language this device chose, or null. */
export function rememberedLang(storage = localStore()) {
  try { return storage.getItem(KEYS.lang); } catch { return null; }
}

/** Keeps this device's language; false when it could not (the page still switches). */
export function rememberLang(code, storage = localStore()) {
  try {
    storage.setItem(KEYS.lang, code);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Drafts: whatever someone is typing, kept under a KEYS.draft key so that a reload, a drop or a
// phase change never loses it.

export function saveDraft(key, text) {
  if (text == null || text === '') clearDraft(key);
  else writeJson(localStore(), key, { text: String(text), at: Date.now() });
}

export function loadDraft(key) {
  const d = readJson(localStore(), key, null);
  return d && typeof d.text === 'string' ? d.text : '';
}

export function clearDraft(key) {
  writeJson(localStore(), key, null);
}

/**
 * The post being written, with its kind and anonymous tick: a reload must not quietly turn an
 * anonymous story back into a named idea. Kept while anything differs from a fresh box.
 */
export function saveComposeDraft(key, { text = '', kind = 'idea', anonymous = false } = {}) {
  if (!text && kind === 'idea' && !anonymous) clearDraft(key);
  else writeJson(localStore(), key, { text: String(text ?? ''), kind: String(kind), anonymous: Boolean(anonymous), at: Date.now() });
}

/** The post being written as saved: {text, kind, anonymous}; a fresh box when none (or an old text-only draft). */
export function loadComposeDraft(key) {
  const d = readJson(localStore(), key, null);
  return {
    text: typeof d?.text === 'string' ? d.text : '',
    kind: typeof d?.kind === 'string' ? d.kind : 'idea',
    anonymous: d?.anonymous === true,
  };
}

export const drafts = Object.freeze({ saveDraft, loadDraft, clearDraft, saveComposeDraft, loadComposeDraft });

// ---------------------------------------------------------------------------------------------
// The people this device is, one per workshop

const isPerson = (p) => Boolean(p) && typeof p.token === 'string' && p.token !== ''
  && typeof p.workshopId === 'string' && p.workshopId !== '' && typeof p.joinCode === 'string';

/**
 * Remembers who this device is in a workshop: {token, workshopId, joinCode (ABC234), title}. Written
 * again when the title or join code changes; never for a workshop this page has forgotten.
 */
export function rememberPerson({ token, workshopId, joinCode, title = '' }, storage = localStore()) {
  const person = { token, workshopId, joinCode: normalizeCode(joinCode), title: String(title ?? '') };
  if (!isPerson(person)) return;
  const key = KEYS.person(workshopId);
  const kept = readJson(storage, key, null);
  if (kept && kept.token === person.token && kept.joinCode === person.joinCode && kept.title === person.title) return;
  writeJson(storage, key, person);
}

/** Every workshop this device is someone in: a list of {token, workshopId, joinCode, title}. */
export function rememberedPeople(storage = localStore()) {
  return keysIn(storage).filter((k) => k.startsWith(PERSON_PREFIX))
    .map((k) => readJson(storage, k, null))
    .filter(isPerson);
}

/** Who this device is in the workshop with this join code (ABC234 or abc-234), or null. */
export function personForCode(code, storage = localStore()) {
  const c = normalizeCode(code);
  return c ? rememberedPeople(storage).find((p) => p.joinCode === c) ?? null : null;
}

/** A join code as the server keeps it: ABC234 (the server checks the alphabet). */
export function normalizeCode(s) {
  return String(s ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

// ---------------------------------------------------------------------------------------------
// Forgetting a workshop

// What this page has forgotten stays forgotten: a view reacting to the leaving itself (a send()
// rejected with CLOSED, say) must not write a draft or an outbox back a moment later.
const sealedParts = new Set();
const sealedTokens = new Set();

function isSealed(key, value) {
  if (!sealedParts.size || typeof key !== 'string' || !key.startsWith(PREFIX)) return false;
  if (key.slice(PREFIX.length).split('.').some((part) => sealedParts.has(part))) return true;
  return holdsToken(key) && sealedTokens.has(value?.token);
}

/** Whether `key` (in `storage`) is one the client wrote for these tokens or this workshop. */
export function isWorkshopKey(storage, key, { tokens = [], workshopId = null } = {}) {
  if (typeof key !== 'string' || !key.startsWith(PREFIX)) return false;
  const own = new Set(tokens.filter(Boolean).map(tokenKey));
  if (workshopId) own.add(String(workshopId));
  if (key.slice(PREFIX.length).split('.').some((part) => own.has(part))) return true;
  if (!holdsToken(key)) return false;
  const held = readJson(storage, key, null)?.token;
  return typeof held === 'string' && tokens.includes(held);
}

/**
 * Removes everything this browser holds for a workshop: its tokens (and who this device is in it),
 * drafts, unsent posts, own ids and kept links, from localStorage and this tab's sessionStorage, and stops this page
 * writing any of them again. The language choice stays (it is the device's). Returns the keys removed.
 * @param {{tokens?: string[], workshopId?: string|null}} which
 */
export function forgetWorkshop(which, stores = [localStore(), sessionStore()]) {
  const tokens = (which?.tokens ?? []).filter((x) => typeof x === 'string' && x);
  const spec = { tokens, workshopId: which?.workshopId ?? null };
  for (const token of tokens) {
    sealedTokens.add(token);
    sealedParts.add(tokenKey(token));
  }
  if (spec.workshopId) sealedParts.add(String(spec.workshopId));
  const removed = [];
  for (const storage of stores) {
    for (const key of keysIn(storage)) {
      if (!isWorkshopKey(storage, key, spec)) continue;
      try {
        storage.removeItem(key);
        removed.push(key);
      } catch { /* nothing more we can do */ }
    }
  }
  return removed;
}

// ---------------------------------------------------------------------------------------------
// Tokens of the console and the display

/**
 * The token of this console or display tab. A link carries it in the fragment (#token) so it never
 * reaches a server log; here it moves at once into this tab's sessionStorage and out of the address
 * bar and the history entry, where anyone at a shared screen or computer could read it and take
 * over. A reload finds it in sessionStorage. A fragment, when there is one, wins over a kept token
 * (a new link opened in this tab), even a mangled one: better "incomplete link" than the wrong
 * workshop.
 */
export function takePageToken(slot, { location: loc = globalThis.location, history: hist = globalThis.history,
  storage = sessionStore() } = {}) {
  if (!String(loc.href).includes('#')) {
    const kept = readJson(storage, slot, null)?.token;
    return typeof kept === 'string' ? kept : '';
  }
  let token = '';
  try { token = decodeURIComponent(String(loc.hash).slice(1)).trim(); } catch { /* mangled link */ }
  if (token) writeJson(storage, slot, { token });
  try {
    hist.replaceState(hist.state, '', loc.pathname + loc.search);
  } catch { /* no History API: nothing more we can do here */ }
  return token;
}

/** A link pasted into this tab's address bar changes only the fragment: take it and start again. */
export function watchPageToken(slot) {
  globalThis.addEventListener('hashchange', () => {
    if (!globalThis.location.hash) return;
    takePageToken(slot);
    globalThis.location.reload();
  });
}

/**
 * Leaves only `slot`'s token in this tab's sessionStorage. A tab opened by another starts with a
 * copy of its opener's (see openWithToken), and the room's display must not hold the console's token.
 */
export function dropOtherTokens(slot, storage = sessionStore()) {
  for (const key of TOKEN_SLOTS) if (key !== slot) writeJson(storage, key, null);
}

/**
 * Opens `path` in a new tab with `token` in its `slot`, never in its address bar. A tab opened by
 * script starts with a copy of this tab's sessionStorage (the HTML standard's rule for a browsing
 * context with an opener): the token goes in just for the copy and out again at once.
 * @returns the new window, or null when the browser blocked it
 */
export function openWithToken(path, slot, token, { storage = sessionStore(), open = (url) => globalThis.open(url, '_blank') } = {}) {
  writeJson(storage, slot, { token });
  try {
    return open(path) ?? null;
  } catch {
    return null;
  } finally {
    writeJson(storage, slot, null);
  }
}

/** Puts a token in this tab's slot before going to a page that reads it (the home page's console button). */
export function keepPageToken(slot, token, storage = sessionStore()) {
  writeJson(storage, slot, { token });
}

// ---------------------------------------------------------------------------------------------
// Workshops this browser created. They live under keys that carry the workshop's id, so forgetWorkshop() removes them with everything else of that workshop.

function entriesUnder(prefix, storage) {
  const out = [];
  for (const key of keysIn(storage)) {
    if (!key.startsWith(prefix)) continue;
    const v = readJson(storage, key, null);
    if (v && typeof v.workshopId === 'string' && typeof v.token === 'string') out.push(v);
  }
  return out;
}

/** Keeps a workshop made here (on create, and on starting a series' next meeting), so its console can be opened again. */
export function rememberCreated({ workshopId, title, token, createdAt = Date.now() }, storage = localStore()) {
  if (!workshopId || !token) return;
  writeJson(storage, KEYS.created(workshopId), { workshopId, title: String(title ?? ''), token, createdAt });
}

/** The workshops made in this browser, newest first. */
export function createdWorkshops(storage = localStore()) {
  return entriesUnder(KEYS.created(''), storage).sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
}

