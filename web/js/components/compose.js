// Writing a contribution. The text is saved on this device as it is typed, and stays when
// posting is closed by a phase change (only the button waits), so nothing typed is lost.
import { h, keyedList, setText, replace } from '../dom.js';
import { drafts } from '../storage.js';
import { t } from '../i18n.js';
import { announce } from '../shell.js';
import { createInlineError } from './inline-error.js';
import { groupLabel } from './card.js';
import { ERR, LIMITS } from '../wire.js';

// In the menu, in the order a newcomer is most likely to want them; each with a plain label (kindMenu.*).
export const KINDS = ['idea', 'question', 'story', 'takeaway', 'parking'];

/** ctx: {conn, facilitator, may(word), state(), draftKey(name)} */
export function createCompose(ctx) {
  const key = ctx.draftKey('compose');
  const heading = h('h2', { id: 'compose-heading' });
  const textLabel = h('label', { for: 'compose-text' });
  const count = h('p', { id: 'compose-count', class: 'hint' });
  // The part's prompt, right above the box: what to write about, where the writing happens.
  const prompt = h('p', { class: 'compose-prompt', id: 'compose-prompt', hidden: true });
  // What stops a post (nothing written, too long, personal data, a refusal), right under the box it is
  // about, and part of the box's description (GOV.UK error message).
  const error = createInlineError('compose-error');
  let problem = null; // 'empty' | 'long' | 'other': what the words under the box are about
  const area = h('textarea', { id: 'compose-text', name: 'text', rows: 4, maxlength: LIMITS.contributionText,
    'aria-describedby': `compose-prompt compose-count ${error.id}`, oninput: () => { saveBox(); renderCount(); putRight(); } });
  const saved = drafts.loadComposeDraft(key);
  area.value = saved.text;

  const kindLabel = h('label', { for: 'compose-kind' });
  const kind = h('select', { id: 'compose-kind', name: 'kind', onchange: () => saveBox() });
  const anon = h('input', { id: 'compose-anon', type: 'checkbox', name: 'anonymous', checked: saved.anonymous,
    onchange: () => saveBox() });
  let savedKind = KINDS.includes(saved.kind) ? saved.kind : 'idea';
  /** Words, kind and tick are kept together, so a reload brings back all three. */
  function saveBox() {
    savedKind = kind.value || savedKind;
    drafts.saveComposeDraft(key, { text: area.value, kind: savedKind, anonymous: anon.checked && !anon.disabled });
  }
  const anonLabel = h('label', { for: 'compose-anon' });
  const anonField = h('div', { class: 'check' }, anon, anonLabel);
  const anonNote = h('p', { class: 'hint' });

  const scribeName = h('input', { id: 'scribe-name', type: 'text', maxlength: LIMITS.name, autocomplete: 'off' });
  const scribeGroup = h('select', { id: 'scribe-group' });
  const scribeNameLabel = h('label', { for: 'scribe-name' });
  const scribeGroupLabel = h('label', { for: 'scribe-group' });
  const scribeSummary = h('summary');
  const scribe = h('details', { class: 'scribe', hidden: !ctx.facilitator }, scribeSummary,
    h('div', { class: 'field' }, scribeNameLabel, scribeName),
    h('div', { class: 'field' }, scribeGroupLabel, scribeGroup));

  const closedNote = h('p', { class: 'note', hidden: true });
  const submit = h('button', { type: 'submit', id: 'compose-submit' });
  const pending = h('p', { class: 'hint', hidden: true, id: 'compose-pending' });
  // Posts not delivered yet stay in view, marked as waiting, until the server has them.
  const waitingList = h('ul', { class: 'waiting-posts', id: 'compose-waiting', 'aria-labelledby': 'compose-pending', hidden: true });
  const form = h('form', { id: 'compose', class: 'compose', onsubmit: post },
    h('div', { class: 'field' }, textLabel, prompt, area, error.el, count),
    h('div', { class: 'field' }, kindLabel, kind),
    anonField, anonNote, scribe, closedNote, submit, pending, waitingList);
  const el = h('section', { class: 'panel', 'aria-labelledby': 'compose-heading' }, heading, form);

  // One row per waiting post, made once: a post delivered takes only its own row away.
  const syncWaiting = keyedList(waitingList, () => {
    const mark = h('span', { class: 'waiting-mark' }, h('span', { 'aria-hidden': 'true' }, '⏳ '));
    const markWords = document.createTextNode('');
    mark.append(markWords);
    const text = h('span', { class: 'text' });
    return { el: h('li', { class: 'waiting-post' }, mark, text), update(c) {
      setText(markWords, t('compose.waitingMark'));
      setText(text, c.args.text);
    } };
  }, (c) => c.ref);

  ctx.conn.on('outbox', renderPending);

  function renderCount() {
    setText(count, t('compose.count', { count: area.value.length, max: LIMITS.contributionText }));
  }
  function renderPending() {
    const n = ctx.conn.outbox.filter((c) => c.name === 'contribution.add').length;
    pending.hidden = n === 0;
    setText(pending, t('compose.pending', { count: n }));
    const posts = ctx.conn.outbox.filter((c) => c.name === 'contribution.add' && typeof c.args?.text === 'string');
    waitingList.hidden = posts.length === 0;
    syncWaiting(posts);
  }


  function say(kind, words) {
    problem = kind;
    area.setAttribute('aria-invalid', 'true');
    error.show(words);
  }
  function unsay() {
    problem = null;
    area.removeAttribute('aria-invalid');
    error.clear();
  }
  /** Typing that fixes an empty or too long box takes its error away; others stay until the next try. */
  function putRight() {
    const text = area.value.trim();
    if ((problem === 'empty' && text) || (problem === 'long' && text.length <= LIMITS.contributionText)) unsay();
  }

  // The text the server last flagged as personal data: posting exactly that again means "yes, share it".
  let flagged = null;

  /** A post that could not be delivered goes back in the box, after whatever is there now. */
  function restore(text) {
    if (!text) return;
    area.value = area.value.trim() ? `${area.value}\n\n${text}` : text;
    saveBox();
    renderCount();
  }

  function post(e) {
    e.preventDefault();
    const text = area.value.trim();
    if (!text) { say('empty', { key: 'compose.empty' }); area.focus(); return; }
    if (text.length > LIMITS.contributionText) { say('long', { key: 'compose.tooLong' }); area.focus(); return; }
    unsay();
    const args = { text, kind: kind.value };
    if (flagged !== null && text === flagged) args.personalDataOk = true;
    if (!anonField.hidden || anon.checked) args.anonymous = anon.checked;
    if (ctx.facilitator && scribe.open && scribeName.value.trim()) {
      args.onBehalfOf = { name: scribeName.value.trim() };
      if (scribeGroup.value) args.onBehalfOf.group = scribeGroup.value;
      delete args.anonymous;
    }
    // The outbox holds the text now (in storage too), so the box can be emptied at once.
    area.value = '';
    // The next post starts as an idea again (a question or story is a choice made for one post);
    // the anonymous tick stays as the person set it.
    kind.value = 'idea';
    saveBox();
    renderCount();
    if (ctx.conn.status !== 'online') announce(t('compose.savedOffline'));
    ctx.conn.send('contribution.add', args)
      .then(() => announce(t('compose.posted')))
      .catch((err) => {
        // Left the workshop: the unsent post goes with everything else, not back into the box.
        if (err?.code === ERR.CLOSED) return;
        refused(err, text);
      });
    area.focus();
  }

  /** A refused post: why, said under the box, and its words back in the box to put right. */
  function refused(err, text) {
    const found = err?.details?.personalData;
    if (Array.isArray(found) && found.length) {
      flagged = text;
      // Made of several catalogue words, so made again when the language changes.
      say('other', { words: () => t('compose.personalData', {
        what: found.map((k) => t(`compose.personal.${k}`)).join(t('compose.personal.and')) }) });
    } else {
      say('other', err);
    }
    restore(text);
  }

  // A post sent before a reload and refused after it: said here too, not only at the top of the page, and
  // scrolled to, as the page has just opened at its top (the focus is left where it is).
  ctx.conn.on('error', (e) => {
    if (e.command?.name !== 'contribution.add') return;
    e.shownBeside = true;
    refused(e, e.command.args?.text);
    error.el.scrollIntoView?.({ block: 'nearest' });
  });

  let kindSig = null;
  function update(state) {
    const ended = state.workshop?.status === 'ended';
    el.hidden = ended;
    setText(heading, t('compose.heading'));
    setText(textLabel, t('compose.label'));
    setText(kindLabel, t('compose.kind'));
    setText(submit, t('compose.post'));
    const def = (state.phases ?? [])[state.phase?.index ?? 0];
    // The console shows the prompt in its phase box already; participants see it where they write.
    const words = ctx.facilitator || state.workshop?.status === 'ended' ? '' : def?.prompt ?? '';
    prompt.hidden = !words;
    setText(prompt, words);
    setText(scribeSummary, t('compose.scribe'));
    setText(scribeNameLabel, t('compose.scribeName'));
    setText(scribeGroupLabel, t('compose.scribeGroup'));
    const sig = t('kindMenu.idea');
    if (sig !== kindSig) {
      kindSig = sig;
      replace(kind, KINDS.map((k) => h('option', { value: k }, t(`kindMenu.${k}`))));
      kind.value = savedKind;
      const gv = scribeGroup.value;
      replace(scribeGroup, h('option', { value: '' }, t('join.groupNone')),
        (state.workshop?.settings?.stakeholderGroups ?? []).map((g) => h('option', { value: g.id }, groupLabel(state, g.id))));
      scribeGroup.value = gv;
    }
    const anonymity = state.workshop?.settings?.anonymity ?? 'optional';
    anonField.hidden = anonymity === 'never';
    anon.disabled = anonymity === 'always';
    if (anonymity === 'always') anon.checked = true;
    setText(anonLabel, t('compose.anonymous'));
    anonNote.hidden = anonymity === 'optional';
    setText(anonNote, anonymity === 'always' ? t('compose.alwaysAnon') : t('compose.neverAnon'));
    const open = ctx.may('contribute');
    closedNote.hidden = open;
    setText(closedNote, t('compose.closed'));
    submit.disabled = !open;
    renderCount();
    renderPending();
  }

  return { el, update, area };
}
