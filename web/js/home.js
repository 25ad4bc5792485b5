// Common Ground: the bare home page. Create a workshop, join one, and a minimal live view of
// it over the shared connection. The real participant, facilitator and display views replace
// the live part later. All user text goes in through textContent, never as HTML.

import { Connection, drafts } from './connection.js';

const $ = (id) => document.getElementById(id);

const TOKEN_KEY = 'cg.session'; // sessionStorage: {token, joinCode}
const KIND_LABELS = { idea: 'Idea', question: 'Question', takeaway: 'Take-home message', parking: 'Parking lot' };
const PHASE_STATUS = { pending: 'not started', running: 'in progress', paused: 'paused', done: 'finished' };
const CLOSE_MESSAGES = {
  4401: 'This link or session is not valid any more. Join again with the workshop’s code.',
  4403: 'You have been removed from this workshop.',
};

let conn = null;
let composeKey = null;

// --- small helpers -------------------------------------------------------------------------------

function normalizeCode(s) {
  return String(s ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function displayCode(s) {
  const c = normalizeCode(s);
  return c.length === 6 ? `${c.slice(0, 3)}-${c.slice(3)}` : c;
}

function showError(err) {
  const el = $('alert');
  el.textContent = '';
  if (!err) return;
  const message = typeof err === 'string' ? err : err.message || err.code || 'Something went wrong.';
  // Emptied first and filled a moment later, so the same message twice is announced twice.
  setTimeout(() => { el.textContent = `Problem: ${message}`; }, 50);
}

let announceQueue = [];
let announceTimer = null;
/** Polite announcements, batched: a burst (a resume catching up) becomes one sentence. */
function announce(text) {
  announceQueue.push(text);
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    const el = $('announce');
    el.textContent = announceQueue.length > 3 ? `${announceQueue.length} updates.` : announceQueue.join(' ');
    announceQueue = [];
  }, 800);
}

const truncate = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function readSession() {
  try {
    return JSON.parse(sessionStorage.getItem(TOKEN_KEY) ?? 'null');
  } catch {
    return null;
  }
}

function writeSession(value) {
  try {
    if (value) sessionStorage.setItem(TOKEN_KEY, JSON.stringify(value));
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch { /* storage off: the session just does not survive a reload */ }
}

/** POST JSON; resolves with the answer, rejects with {code, message}. */
async function postJson(path, body, bearer) {
  const headers = { 'Content-Type': 'application/json' };
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let res;
  try {
    res = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch {
    throw { code: 'NETWORK', message: 'Could not reach the server. Check your connection and try again.' };
  }
  let data = null;
  try { data = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) {
    const e = data?.error ?? {};
    const retry = res.headers.get('Retry-After');
    let message = e.message || `The server answered with status ${res.status}.`;
    if (retry) message += ` Please try again in ${retry} seconds.`;
    throw { code: e.code ?? `HTTP_${res.status}`, message };
  }
  return data;
}

/** Disables a form's submit button while a request runs. */
async function busy(form, fn) {
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  form.setAttribute('aria-busy', 'true');
  try {
    return await fn();
  } finally {
    button.disabled = false;
    form.removeAttribute('aria-busy');
  }
}

// --- create --------------------------------------------------------------------------------------

function setLink(id, path) {
  const a = $(id);
  a.href = path;
  a.textContent = new URL(path, location.origin).href;
}

$('create-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const form = e.currentTarget;
  const title = $('create-title').value.trim();
  if (!title) { showError('Please give the workshop a title.'); $('create-title').focus(); return; }
  showError(null);
  busy(form, async () => {
    try {
      const r = await postJson('/api/workshops', { title }, $('create-key').value.trim() || undefined);
      const code = normalizeCode(r.joinCode);
      const links = r.links ?? {
        join: `/j/${code}`,
        facilitator: `/f/#${r.facilitatorToken}`,
        display: `/d/#${r.displayToken}`,
      };
      $('created-code').textContent = displayCode(code);
      setLink('link-join', links.join);
      setLink('link-facilitator', links.facilitator);
      setLink('link-display', links.display);
      $('created').hidden = false;
      $('created-heading').focus();
      form.reset();
    } catch (err) {
      showError(err);
    }
  });
});

// --- join ----------------------------------------------------------------------------------------

$('join-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const form = e.currentTarget;
  const joinCode = normalizeCode($('join-code').value);
  const name = $('join-name').value.trim();
  if (joinCode.length !== 6) { showError('A join code has six letters and numbers, like ABC-234.'); $('join-code').focus(); return; }
  if (!name) { showError('Please tell us your name.'); $('join-name').focus(); return; }
  showError(null);
  busy(form, async () => {
    try {
      const body = { joinCode, name };
      const group = $('join-group').value;
      if (group) body.group = group;
      const r = await postJson('/api/join', body);
      writeSession({ token: r.token, joinCode });
      openWorkshop(r.token, { moveFocus: true });
    } catch (err) {
      showError(err);
    }
  });
});

$('join-code').addEventListener('blur', (e) => {
  if (e.target.value) e.target.value = displayCode(e.target.value);
});

// --- the live workshop ---------------------------------------------------------------------------

/** Shows the live view; `moveFocus` when the user got here by submitting the join form. */
function openWorkshop(token, { moveFocus = false } = {}) {
  $('join').hidden = true;
  $('create').hidden = true;
  $('workshop').hidden = false;
  if (moveFocus) $('ws-title').focus();

  conn = new Connection(token);
  composeKey = `compose.${conn.key}`;
  const text = $('compose-text');
  if (!text.value) text.value = drafts.loadDraft(composeKey);
  updateCount();

  conn.on('status', renderStatus);
  conn.on('state', render);
  conn.on('outbox', renderPending);
  conn.on('event', announceEvent);
  conn.on('error', (e) => {
    showError(e);
    if (e.command?.name === 'contribution.add') restoreText(e.command.args?.text);
  });
  conn.on('closed', ({ code, reconnect }) => {
    if (reconnect) return;
    showError(CLOSE_MESSAGES[code] ?? 'The connection was closed.');
    writeSession(null);
    $('compose').hidden = true;
    $('leave').textContent = 'Back to the start';
  });
  conn.connect();
  renderPending();
}

let statusTimer = null;
function renderStatus({ status }) {
  clearTimeout(statusTimer);
  const el = $('ws-status');
  const texts = {
    connecting: 'Connecting…',
    online: 'Online.',
    offline: 'Offline.',
    reconnecting: 'Connection lost. Reconnecting… Anything you post is kept and sent when you are back.',
  };
  // Short drops on a weak connection should not chatter: say "reconnecting" only if it lasts.
  if (status === 'reconnecting') statusTimer = setTimeout(() => { el.textContent = texts.reconnecting; }, 2000);
  else el.textContent = texts[status] ?? status;
}

function renderPending() {
  const n = conn?.outbox.filter((c) => c.name === 'contribution.add').length ?? 0;
  const el = $('pending');
  el.hidden = n === 0;
  el.textContent = n === 1 ? '1 post is waiting to be sent.' : `${n} posts are waiting to be sent.`;
}

function participantName(state, id) {
  return (state.participants ?? []).find((p) => p.id === id)?.name ?? 'Someone';
}

function render() {
  const s = conn.state;
  if (!s) return;
  const w = s.workshop ?? {};
  const role = conn.you?.role;
  $('ws-title').textContent = w.title || 'Workshop';
  document.title = `${w.title || 'Workshop'} – Common Ground`;

  const phases = s.phases ?? [];
  const phase = s.phase ?? {};
  const def = phases[phase.index];
  $('ws-phase').textContent = def
    ? `Part ${phase.index + 1} of ${phases.length}: ${def.title} (${PHASE_STATUS[phase.status] ?? phase.status}).`
    : '';
  $('ws-prompt').textContent = def?.prompt ?? '';

  const note = $('ws-note');
  const ended = w.status === 'ended';
  note.hidden = !(ended || w.status === 'lobby');
  note.textContent = ended
    ? 'This workshop has ended. You can still withdraw what you posted.'
    : 'The workshop has not started yet.';

  const anonymity = w.settings?.anonymity ?? 'optional';
  const anon = $('compose-anon');
  const anonNote = $('compose-anon-note');
  $('compose-anon-field').hidden = anonymity === 'never';
  anon.disabled = anonymity === 'always';
  if (anonymity === 'always') anon.checked = true;
  anonNote.hidden = anonymity === 'optional';
  anonNote.textContent = anonymity === 'always'
    ? 'Everything in this workshop is posted anonymously.'
    : 'In this workshop your name is shown with what you post.';

  $('compose').hidden = ended || role === 'display';
  renderList(s, role !== 'display');
}

// Keyed list: existing items are updated in place so keyboard focus is never thrown away
// when someone else posts.
const items = new Map(); // contribution id -> {li, text, meta, agree, withdraw}

function createItem(c) {
  const li = document.createElement('li');
  li.className = 'contribution';
  const text = document.createElement('p');
  text.className = 'text';
  text.id = `ct-${c.id}`;
  const meta = document.createElement('p');
  meta.className = 'meta';
  const actions = document.createElement('div');
  actions.className = 'actions';
  const agree = document.createElement('button');
  agree.type = 'button';
  agree.className = 'secondary';
  agree.setAttribute('aria-describedby', text.id);
  agree.addEventListener('click', () => {
    conn.send('reaction.toggle', { contributionId: c.id, reaction: 'agree' }).catch(showError);
  });
  const withdraw = document.createElement('button');
  withdraw.type = 'button';
  withdraw.className = 'secondary';
  withdraw.textContent = 'Withdraw';
  withdraw.setAttribute('aria-describedby', text.id);
  withdraw.addEventListener('click', () => {
    if (!window.confirm('Withdraw this contribution? It is removed for everyone.')) return;
    conn.send('contribution.withdraw', { id: c.id })
      .then(() => announce('Your contribution was withdrawn.'))
      .catch(showError);
  });
  actions.append(agree, withdraw);
  li.append(text, meta, actions);
  return { li, text, meta, agree, withdraw };
}

function renderList(state, interactive) {
  const list = $('list');
  const cs = (state.contributions ?? []).slice().reverse(); // newest first
  const seen = new Set();
  let prev = null;
  for (const c of cs) {
    seen.add(c.id);
    let it = items.get(c.id);
    if (!it) {
      it = createItem(c);
      items.set(c.id, it);
    }
    it.text.textContent = c.text ?? '';
    const who = c.author == null ? 'Anonymous' : participantName(state, c.author);
    const parts = [KIND_LABELS[c.kind] ?? c.kind ?? 'Idea', who];
    if (c.mine) parts.push('posted by you');
    if (c.editedAt) parts.push('edited');
    it.meta.textContent = parts.join(' · ');
    const agrees = c.reactions?.agree ?? 0;
    it.agree.textContent = `Agree (${agrees})`;
    it.agree.hidden = !interactive;
    it.withdraw.hidden = !(interactive && c.mine);
    const want = prev ? prev.nextSibling : list.firstChild;
    if (it.li !== want) list.insertBefore(it.li, want);
    prev = it.li;
  }
  for (const [id, it] of items) {
    if (seen.has(id)) continue;
    const hadFocus = it.li.contains(document.activeElement);
    it.li.remove();
    items.delete(id);
    if (hadFocus) $('list-heading').focus();
  }
  $('list-empty').hidden = cs.length > 0;
  $('list-heading').textContent = `Contributions (${cs.length})`;
}

function announceEvent(ev) {
  const s = conn.state;
  if (ev.name === 'contribution.added') {
    const c = ev.data?.contribution;
    if (!c) return;
    // Our own posts are confirmed when their ack arrives; skip them here. Anonymous ones carry
    // no author, so recognise them by a matching text still waiting in the outbox.
    if (ev.by && ev.by === conn.you?.participantId) return;
    if (conn.outbox.some((o) => o.name === 'contribution.add' && o.args?.text === c.text)) return;
    const who = c.author == null ? 'anonymous' : participantName(s, c.author);
    const kind = (KIND_LABELS[c.kind] ?? 'contribution').toLowerCase();
    announce(`New ${kind} from ${who}: ${truncate(c.text ?? '', 140)}`);
  } else if (ev.name === 'phase.changed') {
    const def = s.phases?.[ev.data?.phase?.index];
    if (def) announce(`Now: ${def.title}, ${PHASE_STATUS[ev.data.phase.status] ?? ev.data.phase.status}.`);
  }
}

// --- compose -------------------------------------------------------------------------------------

function updateCount() {
  const n = $('compose-text').value.length;
  $('compose-count').textContent = `${n} of 1000 characters. What you type is kept on this device until you post it.`;
}

/** Puts a post that could not be delivered back into the box, without losing what is there. */
function restoreText(text) {
  if (!text) return;
  const box = $('compose-text');
  box.value = box.value.trim() ? `${box.value}\n\n${text}` : text;
  drafts.saveDraft(composeKey, box.value);
  updateCount();
}

$('compose-text').addEventListener('input', (e) => {
  drafts.saveDraft(composeKey, e.target.value);
  updateCount();
});

$('compose').addEventListener('submit', (e) => {
  e.preventDefault();
  const box = $('compose-text');
  const text = box.value.trim();
  if (!text) { showError('Please write something first.'); box.focus(); return; }
  showError(null);
  const args = { text, kind: $('compose-kind').value, anonymous: $('compose-anon').checked };
  // The outbox now holds the text (in storage too), so the box can be cleared at once.
  box.value = '';
  drafts.clearDraft(composeKey);
  updateCount();
  if (conn.status !== 'online') announce('Saved. It will be sent when the connection is back.');
  conn.send('contribution.add', args)
    .then(() => announce('Your contribution was posted.'))
    .catch((err) => {
      showError(err);
      restoreText(text);
    });
});

$('leave').addEventListener('click', () => {
  conn?.close({ forget: true });
  writeSession(null);
  location.assign('/');
});

// --- start ---------------------------------------------------------------------------------------

function start() {
  // Facilitator and display links carry their token in the fragment (/f/#token, /d/#token).
  let fragment = '';
  try {
    fragment = decodeURIComponent(location.hash.slice(1));
  } catch { /* a mangled link: fall through to the start page */ }
  const path = location.pathname.match(/^\/j\/([A-Za-z0-9-]{6,7})\/?$/);
  const session = readSession();
  if (fragment) {
    openWorkshop(fragment);
  } else if (session?.token && (!path || normalizeCode(path[1]) === session.joinCode)) {
    openWorkshop(session.token); // a reload: carry on where we were
  } else if (path) {
    $('join-code').value = displayCode(path[1]);
    $('join-name').focus();
  }
}

start();
