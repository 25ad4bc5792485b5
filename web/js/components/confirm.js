// Asking before something that cannot simply be taken back (withdrawing a post, leaving, ending…):
// the page's own dialog rather than window.confirm, which browsers do not translate, phones show
// oddly and screen readers announce in different ways. The safe choice has the focus, so a stray
// Enter or a tap outside does nothing; Escape or the safe button returns focus to what opened it.
import { h, setText, setTextLang } from '../dom.js';
import { errorText } from '../shell.js';
import { createDialog } from './dialog.js';

// One dialog per kind (`id`), made the first time it is needed: a board of cards shares one.
const kinds = new Map();

function kind(id) {
  if (kinds.has(id)) return kinds.get(id);
  const k = { resolve: null, answer: false, run: null, after: null };
  const dialog = createDialog(`${id}-dialog`, { onClose: () => {
    const resolve = k.resolve;
    k.resolve = k.run = k.after = null;
    resolve?.(k.answer);
  } });
  // What it is about, in the person's own words: on a phone the dialog covers the card it came from.
  const quote = h('blockquote', { id: `${id}-dialog-quote`, class: 'dialog-quote', hidden: true });
  const text = h('p', { id: `${id}-dialog-text` });
  const note = h('p', { id: `${id}-dialog-note`, class: 'strong' });
  const no = h('button', { type: 'button', class: 'secondary', id: `${id}-cancel`, onclick: () => dialog.close() });
  const yes = h('button', { type: 'button', id: `${id}-confirm`, onclick: () => sayYes() });
  dialog.body.append(quote, text, note);
  dialog.actions.append(no, yes);

  async function sayYes() {
    if (!k.run) { k.answer = true; dialog.close(); return; }
    const asked = k.resolve;
    dialog.busy(true);
    try {
      await k.run();
      // Closed meanwhile (Escape while it ran), maybe asked again: that answer is not this one's.
      if (k.resolve !== asked) return;
      k.answer = true;
      dialog.busy(false);
      dialog.close(k.after);
    } catch (err) {
      if (k.resolve !== asked) return;
      // Stays open: the problem is read out where the choice was made, and Cancel still works.
      dialog.busy(false);
      dialog.error(errorText(err));
    }
  }
  Object.assign(k, { dialog, quote, text, note, no, yes });
  kinds.set(id, k);
  return k;
}

/**
 * askToConfirm({id, title, body, note?, quote?, quoteLang?, yes, no, danger = true, from?, fallback?, run?, after?})
 * -> Promise<boolean>: true once they chose `yes`, false when they kept things as they were (the safe button,
 * Escape). Texts are already translated; `quote` is someone's own words (shown as text, in `quoteLang`).
 * `id` names the dialog (`${id}-dialog`) and its buttons (`${id}-confirm`, `${id}-cancel`). With `run`
 * (async), `yes` waits for it: a failure is shown inside the dialog, which stays open; on success focus
 * goes to `after` if given, else back to `from` (or `fallback`).
 */
export function askToConfirm({ id, title, body, note = '', quote = '', quoteLang, yes, no, danger = true, from, fallback, run,
  after }) {
  const k = kind(id);
  // Modal: a second question cannot be asked over the first; if it somehow is, nothing happens.
  if (k.dialog.isOpen) return Promise.resolve(false);
  setText(k.dialog.heading, title);
  setText(k.quote, quote);
  setTextLang(k.quote, quoteLang);
  k.quote.hidden = !quote;
  setText(k.text, body);
  setText(k.note, note);
  k.note.hidden = !note;
  k.dialog.el.setAttribute('aria-describedby', [quote && k.quote.id, k.text.id, note && k.note.id].filter(Boolean).join(' '));
  setText(k.yes, yes);
  setText(k.no, no);
  k.yes.className = danger ? 'danger' : '';
  // Closed with Escape while a run was under way leaves the buttons disabled: a new question starts afresh.
  k.dialog.busy(false);
  return new Promise((resolve) => {
    Object.assign(k, { resolve, answer: false, run: run ?? null, after: after ?? null });
    k.dialog.open(k.no, { from, fallback });
  });
}
