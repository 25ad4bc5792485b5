// The start page: join a workshop with its code (or /j/CODE), or create one from a template.
// After joining, the participant's live view takes over the page.
import { $, h, replace, setText } from './dom.js';
import { getLang, onLangChange, t } from './i18n.js';
import { initShell } from './shell.js';
import { openParticipant } from './participant.js';
import { browserStorage, rememberLinks, tokenOfPath } from './manage.js';
import { postJson as post } from './api.js';
import {
  KEYS, keepPageToken, normalizeCode, personForCode, readJson, rememberCreated, rememberPerson, rememberedPeople,
  sessionStore, writeJson,
} from './storage.js';
import { ERR } from './wire.js';
import { createYours } from './components/yours.js';
import { createCopyField } from './components/copy.js';
import { inlineErrorIn } from './components/inline-error.js';
// The workshop's own groups, once its code is known (GET /api/join/CODE): the server's, never a copy
// of its defaults. Until then only "Prefer not to say".
let workshopGroups = [];
// The workshop's title from the same answer, to remember with the person who joins.
let previewTitle = '';
// Someone who joined an earlier meeting of this code's series from this device ({token, title, …}), or null.
let returning = null;
const yours = createYours();

export { normalizeCode };

export function displayCode(s) {
  const c = normalizeCode(s);
  return c.length === 6 ? `${c.slice(0, 3)}-${c.slice(3)}` : c;
}

// The participant's token lives in this tab's sessionStorage only: never in the address bar.
const readSession = () => readJson(sessionStore(), KEYS.session, null);
const writeSession = (value) => writeJson(sessionStore(), KEYS.session, value);

/** POST JSON; resolves with the answer, rejects with {code, message} worded for the start page. */
async function postJson(path, body, bearer) {
  try {
    return await post(path, body, bearer);
  } catch (err) {
    if (err.retryAfter) err.message = t('errors.retryAfter', { seconds: err.retryAfter });
    if (err.code === ERR.NOT_FOUND && path === '/api/join') err.code = ERR.JOIN_NOT_FOUND;
    throw err;
  }
}

async function busy(form, fn) {
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  form.setAttribute('aria-busy', 'true');
  try { return await fn(); } finally {
    button.disabled = false;
    form.removeAttribute('aria-busy');
  }
}

function renderGroups() {
  const select = $('join-group');
  const v = select.value;
  // A default group (one we have words for) in the page's language; a workshop's own keeps the label
  // its facilitator gave.
  const options = workshopGroups.map((g) => {
    const key = `groups.${g.id}`;
    const words = t(key);
    return h('option', { value: g.id }, words !== key ? words : g.label);
  });
  replace(select, h('option', { value: '' }, t('join.groupNone')), options);
  select.value = v;
}

/** Fetches what a code's workshop offers (its groups); a wrong code is left to the join itself to report. */
async function loadPreview(code) {
  if (code.length !== 6) return;
  try {
    const res = await fetch(`/api/join/${code}`);
    if (!res.ok) return;
    const preview = await res.json();
    if (normalizeCode($('join-code').value) !== code) return; // typed another code meanwhile
    previewTitle = typeof preview.title === 'string' ? preview.title : '';
    const earlier = preview.series?.workshopIds ?? [];
    returning = rememberedPeople().find((p) => earlier.includes(p.workshopId)) ?? null;
    renderReturning();
    if (Array.isArray(preview.stakeholderGroups)) {
      workshopGroups = preview.stakeholderGroups;
      renderGroups();
    }
  } catch { /* offline: the defaults stay */ }
}

// The links made with a new workshop. The facilitator's and the display's carry tokens: they are
// shown to be copied on purpose, but never become an href, because a link followed puts its token
// in the address bar and, for good, in the browser's own history. The console opens without one.
const facilitatorField = createCopyField('link-facilitator');
const displayField = createCopyField('link-display');
let createdTokens = null; // {facilitator (its token), facilitatorUrl, displayUrl} while the panel shows them

function renderCreatedLinks() {
  if (!createdTokens) return;
  facilitatorField.update({ label: t('create.linkFacilitator'), value: createdTokens.facilitatorUrl,
    copyLabel: t('create.copyFacilitator') });
  displayField.update({ label: t('create.linkDisplay'), value: createdTokens.displayUrl, copyLabel: t('invite.copyDisplay') });
}

/** Empties the panel: on a shared computer, Back must not bring the links up again. */
function clearCreated() {
  createdTokens = null;
  $('created').hidden = true;
  for (const f of [facilitatorField, displayField]) f.input.value = '';
}

$('create-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const form = e.currentTarget;
  const title = $('create-title').value.trim();
  if (!title) { titleProblem({ key: 'create.needTitle' }, $('create-title')); return; }
  titleProblem(null);
  createProblem(null);
  busy(form, async () => {
    try {
      // In the page's language: a Welsh organiser gets the template's parts, prompts and groups in Welsh.
      const body = { title, template: $('create-template').value, lang: getLang() === 'cy' ? 'cy' : 'en',
        settings: { anonymity: $('create-anon').value } };
      const r = await postJson('/api/workshops', body, $('create-key').value.trim() || undefined);
      const code = normalizeCode(r.joinCode);
      const links = r.links ?? { join: `/j/${code}`, facilitator: `/f/#${r.facilitatorToken}`, display: `/d/#${r.displayToken}` };
      $('created-code').textContent = displayCode(code);
      $('link-join').href = links.join;
      $('link-join').textContent = new URL(links.join, location.origin).href;
      createdTokens = {
        facilitator: r.facilitatorToken ?? tokenOfPath(links.facilitator),
        facilitatorUrl: new URL(links.facilitator, location.origin).href,
        displayUrl: new URL(links.display, location.origin).href,
      };
      renderCreatedLinks();
      // Kept in this browser for this workshop, so the facilitator console can show it again later.
      rememberLinks(browserStorage(), r.workshopId, links);
      rememberCreated({ workshopId: r.workshopId, title, token: createdTokens.facilitator });
      yours.update();
      $('created').hidden = false;
      $('created-heading').focus();
      form.reset();
    } catch (err) {
      // A wrong organiser key, too many new workshops: said beside the button just pressed.
      createProblem(err);
    }
  });
});

$('join-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const form = e.currentTarget;
  const joinCode = normalizeCode($('join-code').value);
  const name = $('join-name').value.trim();
  if (joinCode.length !== 6) { joinProblem({ key: 'join.badCode' }, $('join-code')); return; }
  // Already someone in this workshop on this device: carry on as them, not as a second person.
  const known = personForCode(joinCode);
  if (known) {
    joinProblem(null);
    writeSession({ token: known.token, joinCode });
    openWorkshop(known.token, { moveFocus: true, joinCode });
    return;
  }
  if (!name) { joinProblem({ key: 'join.needName' }, $('join-name')); return; }
  joinProblem(null);
  busy(form, async () => {
    try {
      const body = { joinCode, name };
      if ($('join-group').value) body.group = $('join-group').value;
      const r = await postJson('/api/join', body);
      joined(r, joinCode);
    } catch (err) {
      // LOCKED (the facilitator has stopped new people joining), FULL, ENDED, a wrong code: all said
      // beside the form, where the person who just pressed Join is looking.
      joinProblem(err);
    }
  });
});

/** After joining: this tab's session, and this device remembers the person for the series' next meeting. */
function joined(r, joinCode) {
  writeSession({ token: r.token, joinCode });
  rememberPerson({ token: r.token, workshopId: r.workshopId, joinCode, title: previewTitle });
  openWorkshop(r.token, { moveFocus: true, joinCode });
}

function renderReturning() {
  const box = $('join-returning');
  box.hidden = !returning;
  if (!returning) return;
  setText($('join-returning-text'), t('returning.offer', { title: returning.title || '' }));
  setText($('join-returning-btn'), t('returning.join'));
}

async function joinAsBefore() {
  const joinCode = normalizeCode($('join-code').value);
  if (!returning || joinCode.length !== 6) return;
  joinProblem(null);
  busy($('join-form'), async () => {
    try {
      joined(await postJson('/api/join', { joinCode, returning: returning.token }), joinCode);
    } catch (err) {
      // Not recognised (that meeting is gone, or they were removed from it): joining by name still works.
      if (err.code === ERR.INVALID) {
        returning = null;
        renderReturning();
        joinProblem({ key: 'returning.notFound' }, $('join-name'));
      } else {
        joinProblem(err);
      }
    }
  });
}

/**
 * problem(err, field) shows (null: clears) what stops a form in its box `boxId`, beside what caused
 * it, and marks and focuses the field it is about. Typing in a marked field takes the mark away, and
 * the words too when the box speaks only of that field (`clearsOnInput`).
 */
function formProblem(boxId, fieldIds, { clearsOnInput = false } = {}) {
  const box = inlineErrorIn($(boxId));
  const problem = (err, field) => {
    for (const id of fieldIds) $(id).removeAttribute('aria-invalid');
    if (field && err) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    }
    box.show(err);
  };
  for (const id of fieldIds) {
    $(id).addEventListener('input', () => {
      if (!$(id).hasAttribute('aria-invalid')) return;
      $(id).removeAttribute('aria-invalid');
      if (clearsOnInput && $(id).value.trim()) problem(null);
    });
  }
  return problem;
}
const joinProblem = formProblem('join-error', ['join-code', 'join-name']);
const titleProblem = formProblem('create-title-error', ['create-title'], { clearsOnInput: true });
const createProblem = formProblem('create-error', []);

$('join-code').addEventListener('blur', (e) => {
  if (e.target.value) e.target.value = displayCode(e.target.value);
  loadPreview(normalizeCode(e.target.value));
});

function openWorkshop(token, { moveFocus = false, joinCode = '' } = {}) {
  $('start').hidden = true;
  const root = $('workshop');
  root.hidden = false;
  const view = openParticipant(root, token, {
    onLeave(reason) {
      // Replaced, not added: Back must not bring the workshop's page up again for the next person.
      if (reason === 'left') { location.replace('/'); return; }
      // Removed: the live view now says so in its place, with a link to the start page.
      if (reason === 'removed') return;
      // No longer valid (expired, deleted): the join form again, with its code, saying why beside it.
      writeSession(null);
      root.hidden = true;
      $('start').hidden = false;
      if (joinCode) {
        $('join-code').value = displayCode(joinCode);
        loadPreview(joinCode);
      }
      joinProblem({ key: 'join.notBack' }, $('join-name'));
    },
  });
  if (moveFocus) view.focus();
}

function start() {
  initShell();
  renderGroups();
  onLangChange(renderGroups);
  $('created-links').append(facilitatorField.el, displayField.el);
  $('start').append(yours.el);
  yours.update();
  onLangChange(() => { yours.update(); renderReturning(); });
  $('join-returning-btn').addEventListener('click', joinAsBefore);
  onLangChange(renderCreatedLinks);
  $('open-console').addEventListener('click', () => {
    if (!createdTokens?.facilitator) return;
    keepPageToken(KEYS.console, createdTokens.facilitator);
    location.assign('/f/');
  });
  window.addEventListener('pagehide', clearCreated);
  const path = location.pathname.match(/^\/j\/([A-Za-z0-9-]{6,7})\/?$/);
  const code = path ? normalizeCode(path[1]) : '';
  const session = readSession();
  // The join link opened again on this device (a new tab, a rescanned QR code, a restarted browser):
  // the same person, not a new one.
  const known = code ? personForCode(code) : null;
  if (session?.token && (!path || code === session.joinCode)) {
    openWorkshop(session.token, { joinCode: session.joinCode }); // a reload: carry on where we were
  } else if (known) {
    writeSession({ token: known.token, joinCode: code });
    openWorkshop(known.token, { joinCode: code });
  } else if (path) {
    $('join-code').value = displayCode(path[1]);
    $('create').hidden = true;
    $('join-name').focus();
    loadPreview(normalizeCode(path[1]));
  }
}

start();
