// What every page shares around its view: the language picker, the connection status, the
// error box and the polite announcer.
import { $, h, replace, setText } from './dom.js';
import { LANGUAGES, applyI18n, getLang, onLangChange, setLang, t } from './i18n.js';
import { CLOSE, ERR } from './wire.js';

export function initShell() {
  document.documentElement.lang = getLang();
  const select = $('lang');
  if (select) {
    replace(select, LANGUAGES.map((l) => h('option', { value: l.code, lang: l.code, selected: l.code === getLang() }, l.name)));
    select.addEventListener('change', () => setLang(select.value));
  }
  applyI18n(document);
}

/** Words for an error from the server or the network; the server's own message as a fallback. */
export function errorText(err) {
  const key = errorKey(err);
  if (key) return t(key);
  if (!err) return '';
  if (typeof err.words === 'function') return err.words();
  return typeof err === 'string' ? err : err.message || t(`errors.${ERR.INTERNAL}`);
}

/**
 * The catalogue key an error's words come from ({key: 'poll.choose'}, or a server error whose code has
 * words of ours), or null for words from elsewhere: an element showing a keyed error is redrawn in the
 * new language when someone switches (data-i18n, see applyI18n).
 */
export function errorKey(err) {
  if (!err || typeof err === 'string') return null;
  if (err.key) return err.key;
  if (!err.code) return null;
  const key = `errors.${err.code}`;
  return t(key) !== key ? key : null;
}

let alertTimer = null;
export function showError(err) {
  const el = $('alert');
  clearTimeout(alertTimer);
  el.textContent = '';
  if (!err) return;
  // Emptied first and filled a moment later, so the same message twice is announced twice.
  alertTimer = setTimeout(() => { el.textContent = t('errors.prefix', { message: errorText(err) }); }, 50);
}

/**
 * Runs a request with its button disabled and its region marked busy; a failure is shown, not thrown:
 * in `error` (an inline error beside the button, components/inline-error.js) if given, else at the top.
 */
export async function whileBusy(button, region, work, error = null) {
  if (error) error.clear();
  else showError(null);
  button.disabled = true;
  region.setAttribute('aria-busy', 'true');
  try {
    await work();
    return true;
  } catch (err) {
    if (error) error.show(err);
    else showError(err);
    return false;
  } finally {
    button.disabled = false;
    region.removeAttribute('aria-busy');
  }
}

let queue = [];
let announceTimer = null;
/** Polite announcements, batched: a burst (a resume catching up) becomes one short sentence. */
export function announce(text) {
  if (!text) return;
  queue.push(text);
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    const el = $('announce');
    el.textContent = queue.length > 3 ? t('announce.many', { count: queue.length }) : queue.join(' ');
    queue = [];
  }, 700);
}

/**
 * The visible connection status: a word and a symbol (never colour alone), and how many
 * actions are waiting to be sent. Short drops on a weak line do not chatter: "reconnecting"
 * shows only if it lasts two seconds.
 */
export function watchConnection(conn, { onFinal, linkRole = false } = {}) {
  const el = $('conn-status');
  let status = conn.status;
  let timer = null;
  let shown = status;
  let over = false; // the view has said, in its own words, that this connection is over for good
  const render = () => {
    el.hidden = over;
    el.dataset.status = shown;
    const waiting = conn.outbox.length;
    const icon = { online: '●', reconnecting: '↻', connecting: '…', offline: '○' }[shown] ?? '';
    replace(el,
      h('span', { class: 'conn-icon', 'aria-hidden': 'true' }, icon), ' ',
      t(`conn.${shown}`),
      waiting ? h('span', { class: 'conn-waiting' }, ' ', t('conn.waiting', { count: waiting })) : null);
  };
  conn.on('status', ({ status: s }) => {
    // Connected again: a "too many places" message is out of date.
    if (s === 'online' && $('alert')?.textContent.includes(t(`closed.${CLOSE.TOO_MANY}`))) showError(null);
    status = s;
    clearTimeout(timer);
    if (s === 'reconnecting') timer = setTimeout(() => { shown = status; render(); }, 2000);
    else { shown = s; render(); }
  });
  conn.on('outbox', render);
  conn.on('closed', (e) => {
    // Open in too many tabs: the connection waits a while before trying again; say how to fix it.
    if (e.code === CLOSE.TOO_MANY) { showError(t(`closed.${CLOSE.TOO_MANY}`)); return; }
    if (e.reconnect) return;
    // The view may say it in its own words (a removal gets a calm page, not an error): it returns true.
    if (onFinal?.(e) === true) {
      over = true;
      el.hidden = true;
      return;
    }
    // Participants can join again with the code; a facilitator or display link is simply dead.
    const shared = conn.you?.role === 'facilitator' || conn.you?.role === 'display' || linkRole;
    const key = { [CLOSE.UNAUTHENTICATED]: shared ? 'closed.link' : `closed.${CLOSE.UNAUTHENTICATED}`,
      [CLOSE.REMOVED]: `closed.${CLOSE.REMOVED}` }[e.code];
    if (key) showError(t(key));
  });
  // After every listener has had it: a view that says it beside its control marks it shownBeside.
  conn.on('error', (e) => queueMicrotask(() => { if (!e.shownBeside) showError(e); }));
  onLangChange(render);
  render();
}

export { setText };
