// One contribution: its text (as text), who and when, and what this person may do with it.
// Controls are made once and only updated, so a click never loses keyboard focus to a
// re-render, and an edit in progress survives anyone else's update.
import { h, setText, setTextLang, replace } from '../dom.js';
import { drafts } from '../storage.js';
import { formatTime, t } from '../i18n.js';
import { announce } from '../shell.js';
import { askToConfirm } from './confirm.js';
import { createInlineError } from './inline-error.js';
import { LIMITS } from '../wire.js';

export const REACTIONS = ['agree', 'heart', 'insight', 'question'];

export function groupLabel(state, id) {
  if (!id) return '';
  const g = (state.workshop?.settings?.stakeholderGroups ?? []).find((x) => x.id === id);
  const known = t(`groups.${id}`);
  return known !== `groups.${id}` ? known : g?.label ?? id;
}

export function authorText(state, c) {
  if (c.carriedFrom) return carriedText(state, c);
  if (c.onBehalfOf?.name) return t('card.scribed', { name: c.onBehalfOf.name });
  if (c.author == null) return t('card.anonymous');
  return (state.participants ?? []).find((p) => p.id === c.author)?.name ?? t('card.someone');
}

/** A carried item: who it was by when they were named (never an anonymous author), and the meeting it came from. */
function carriedText(state, c) {
  const m = (state.series?.meetings ?? []).find((x) => x.workshopId === c.carriedFrom.workshopId);
  const from = m?.title ? t('card.carriedFrom', { meeting: m.title }) : t('card.carriedBefore');
  return c.onBehalfOf?.name ? `${c.onBehalfOf.name} · ${from}` : from;
}

/**
 * ctx: {conn, facilitator, may(word), state(), draftKey(id)}
 */
export function createCard(ctx, c0) {
  const id = c0.id;
  const textId = `ct-${id}`;
  // What this card's own buttons could not do is said on the card, under its buttons (not at the
  // top of the page, screens away on a phone); the next thing that works takes it away.
  const actionError = createInlineError(`card-error-${id}`);
  const failed = (err) => actionError.show(err);
  const send = (name, args) => ctx.conn.send(name, args)
    .then((r) => { actionError.clear(); return r; }, (err) => { failed(err); throw err; });
  const quiet = (p) => p.catch(() => {});
  const describe = { 'aria-describedby': `${textId} ${actionError.id}` };

  const text = h('p', { class: 'text', id: textId });
  const meta = h('p', { class: 'meta' });
  const badges = h('p', { class: 'badges' });
  const fits = h('div', { class: 'fits' });

  // Toggle buttons: one name each, their state in aria-pressed (and a visible tick and fill).
  const reactionButtons = REACTIONS.map((r) => {
    const label = h('span');
    const count = h('span', { class: 'count' });
    const b = h('button', {
      type: 'button', class: 'chip', 'aria-pressed': 'false', ...describe,
      onclick: () => quiet(send('reaction.toggle', { contributionId: id, reaction: r })
        .then(({ result }) => {
          if (typeof result?.on === 'boolean') announce(t(result.on ? 'reactionsSaid.on' : 'reactionsSaid.off', { reaction: t(`reactions.${r}`) }));
        })),
    }, label, ' ', count); // on: the tick and colours every pressed toggle has (base.css)
    b._reaction = r;
    b._label = label;
    b._count = count;
    return b;
  });
  const reactions = h('div', { class: 'reactions', role: 'group' }, reactionButtons);

  const voteUp = h('button', { type: 'button', class: 'chip vote', ...describe, onclick: () => vote('vote.cast') });
  const voteDown = h('button', { type: 'button', class: 'chip vote', ...describe, onclick: () => vote('vote.retract') });
  const voteText = h('span', { class: 'vote-count' });
  const votes = h('div', { class: 'votes' }, voteText, voteUp, voteDown);
  function vote(name) {
    quiet(send(name, { targetId: id })
      .then(({ result }) => {
        if (typeof result?.remaining === 'number') announce(t('votes.remaining', { count: result.remaining }));
      }));
  }

  const themeSelectId = `theme-${id}`;
  const themeSelect = h('select', { id: themeSelectId, class: 'theme-select', ...describe,
    onchange: () => quiet(send('contribution.move', { id, themeId: themeSelect.value || null })) });
  const themeLabel = h('label', { for: themeSelectId });
  const themeField = h('div', { class: 'inline-field' }, themeLabel, themeSelect);

  const editBtn = h('button', { type: 'button', class: 'secondary small', ...describe, onclick: () => openEdit() });
  const withdrawBtn = h('button', { type: 'button', class: 'secondary small', ...describe, 'aria-haspopup': 'dialog',
    onclick: withdraw });
  const hideBtn = h('button', { type: 'button', class: 'secondary small', ...describe, onclick: toggleHidden });
  const spotBtn = h('button', { type: 'button', class: 'secondary small', ...describe, onclick: spotlight });
  const parkBtn = h('button', { type: 'button', class: 'secondary small park-btn', ...describe, onclick: park });
  const actions = h('div', { class: 'actions' }, editBtn, withdrawBtn, spotBtn, parkBtn, hideBtn);

  // Editing keeps its own draft, so a reload or a drop mid-edit loses nothing.
  const editKey = ctx.draftKey(`edit.${id}`);
  const editArea = h('textarea', { id: `edit-${id}`, rows: 3, maxlength: LIMITS.contributionText,
    'aria-describedby': actionError.id, oninput: () => {
      drafts.saveDraft(editKey, editArea.value);
      if (editArea.value.trim() && editArea.hasAttribute('aria-invalid')) { editArea.removeAttribute('aria-invalid'); actionError.clear(); }
    } });
  const editLabel = h('label', { for: `edit-${id}` });
  const editSave = h('button', { type: 'submit', class: 'small' });
  const editCancel = h('button', { type: 'button', class: 'secondary small', onclick: () => closeEdit(true) });
  const editForm = h('form', { class: 'edit', hidden: true, onsubmit: saveEdit },
    editLabel, editArea, h('div', { class: 'actions' }, editSave, editCancel));

  // Parking lot (facilitators): status and owner.
  const parkStatus = h('select', { id: `park-${id}`, ...describe });
  const parkOwner = h('input', { type: 'text', id: `owner-${id}`, maxlength: 200, ...describe });
  const parkSave = h('button', { type: 'submit', class: 'small' });
  const parkStatusLabel = h('label', { for: `park-${id}` });
  const parkOwnerLabel = h('label', { for: `owner-${id}` });
  const parkForm = h('form', { class: 'parking-form', onsubmit: (e) => {
    e.preventDefault();
    const args = { id, status: parkStatus.value };
    if (parkOwner.value.trim()) args.owner = parkOwner.value.trim();
    quiet(send('parking.update', args).then(() => announce(t('parking.saved'))));
  } }, h('div', { class: 'inline-field' }, parkStatusLabel, parkStatus),
  h('div', { class: 'inline-field' }, parkOwnerLabel, parkOwner), parkSave);

  const el = h('li', { class: 'card', dataset: { id } },
    text, meta, badges, fits, reactions, votes, themeField, actions, actionError.el, editForm, parkForm);
  el.addEventListener('dragstart', (e) => {
    e.dataTransfer.setData('text/x-cg-contribution', id);
    e.dataTransfer.effectAllowed = 'move';
    el.classList.add('dragging');
  });
  el.addEventListener('dragend', () => el.classList.remove('dragging'));

  let current = c0;
  let themesSig = null;

  function openEdit() {
    editArea.value = drafts.loadDraft(editKey) || current.text;
    editForm.hidden = false;
    editArea.focus();
  }
  function closeEdit(focus) {
    drafts.clearDraft(editKey);
    editForm.hidden = true;
    if (focus) editBtn.focus();
  }
  function saveEdit(e) {
    e.preventDefault();
    const value = editArea.value.trim();
    if (!value) { editArea.setAttribute('aria-invalid', 'true'); failed(t('compose.empty')); editArea.focus(); return; }
    editArea.removeAttribute('aria-invalid');
    actionError.clear();
    // Refused: the words come back into the box (openEdit), the reason just above it.
    send('contribution.edit', { id, text: value })
      .then(() => { announce(t('card.edited')); }, () => openEdit());
    // The outbox holds the text now; the draft can go.
    closeEdit(true);
  }
  async function withdraw() {
    const sure = await askToConfirm({ id: 'withdraw', title: t('card.withdrawTitle'), body: t('card.withdrawConfirm'),
      quote: current.text, quoteLang: current.lang, yes: t('card.withdrawYes'), no: t('card.withdrawNo'), from: withdrawBtn });
    if (!sure) return;
    quiet(send('contribution.withdraw', { id }).then(() => announce(t('card.withdrawn'))));
  }
  function toggleHidden() {
    quiet(send(current.hidden ? 'contribution.unhide' : 'contribution.hide', { id }));
  }
  function park() {
    parkBtn.disabled = true;
    send('contribution.park', { id }).then(() => {
      announce(t('card.parked'));
      // The card is in the parking lot now: its status is the next thing to set, right there.
      // In the console the lot is a tool of its own: it is shown first (ctx.reveal).
      const status = el.querySelector(`#park-${CSS.escape(id)}`);
      if (status && !parkForm.hidden) { ctx.reveal?.(el); status.focus(); }
    }).catch(() => {}).finally(() => { parkBtn.disabled = false; });
  }
  function spotlight() {
    const s = ctx.state().spotlight;
    const on = s?.type === 'contribution' && s.id === id;
    quiet(send('spotlight.set', on ? { type: null } : { type: 'contribution', id }));
  }

  if (drafts.loadDraft(editKey)) queueMicrotask(() => { if (c0.mine) { editArea.value = drafts.loadDraft(editKey); editForm.hidden = false; } });

  function update(c, state) {
    current = c;
    const f = ctx.facilitator;
    const ended = state.workshop?.status === 'ended';
    setText(text, c.text);
    // Screen readers read Welsh words in a Welsh voice; unknown language: the page's.
    setTextLang(text, c.lang);
    setTextLang(editArea, c.lang);
    const parts = [t(`kinds.${c.kind ?? 'idea'}`), authorText(state, c)];
    const g = c.author == null && !c.onBehalfOf ? null : groupLabel(state, c.group);
    if (g) parts.push(g);
    if (c.createdAt) parts.push(formatTime(c.createdAt));
    if (c.editedAt) parts.push(t('card.editedMark'));
    setText(meta, parts.join(' · '));
    const marks = [];
    if (c.mine) marks.push(t('card.yours'));
    if (c.hidden) marks.push(t('card.hidden'));
    const s = state.spotlight;
    const spotOn = s?.type === 'contribution' && s.id === id;
    if (spotOn) marks.push(t('card.spotlit'));
    setText(badges, marks.join(' · '));
    badges.hidden = marks.length === 0;
    el.classList.toggle('mine', Boolean(c.mine));
    el.classList.toggle('is-hidden', Boolean(c.hidden));
    el.classList.toggle('spotlit', spotOn);

    const canReact = !c.hidden && ctx.may('react');
    reactions.hidden = !canReact && !Object.values(c.reactions ?? {}).some((n) => n > 0);
    reactions.setAttribute('aria-label', t('card.reactions'));
    const yours = state.yourReactions?.[id] ?? [];
    for (const b of reactionButtons) {
      const n = c.reactions?.[b._reaction] ?? 0;
      setText(b._label, t(`reactions.${b._reaction}`));
      setText(b._count, String(n));
      b.setAttribute('aria-pressed', String(yours.includes(b._reaction)));
      b.disabled = !canReact;
    }

    // Inside a theme people vote for the theme; a vote button on each card too would only confuse.
    const themed = Boolean(c.themeId && (state.themes ?? []).some((x) => x.id === c.themeId));
    const canVote = !c.hidden && !themed && ctx.may('vote');
    const mineVotes = state.yourVotes?.[id] ?? 0;
    votes.hidden = !canVote && !(c.votes > 0 && !themed);
    setText(voteText, t('votes.on', { count: c.votes ?? 0, yours: mineVotes }));
    voteUp.hidden = !canVote;
    voteDown.hidden = !canVote || mineVotes === 0;
    setText(voteUp, t('votes.add'));
    setText(voteDown, t('votes.remove'));

    const canGroup = !c.hidden && ctx.may('group') && c.kind !== 'parking';
    themeField.hidden = !canGroup;
    el.draggable = canGroup;
    if (canGroup) {
      setText(themeLabel, t('card.theme'));
      const themes = state.themes ?? [];
      const sig = `${themes.map((x) => `${x.id}=${x.label}`).join('|')}#${t('card.noTheme')}`;
      if (sig !== themesSig && document.activeElement !== themeSelect) {
        themesSig = sig;
        replace(themeSelect, h('option', { value: '' }, t('card.noTheme')),
          themes.map((x) => h('option', { value: x.id }, x.label)));
      }
      if (document.activeElement !== themeSelect) themeSelect.value = c.themeId ?? '';
    }

    const fitIds = canGroup && !c.themeId ? (c.fits ?? []) : [];
    const fitThemes = fitIds.map((tid) => (state.themes ?? []).find((x) => x.id === tid)).filter(Boolean);
    fits.hidden = fitThemes.length === 0;
    if (fitThemes.length && !fits.contains(document.activeElement)) {
      replace(fits, h('span', {}, t('card.mightFit'), ' '), fitThemes.map((x) => h('button', {
        type: 'button', class: 'chip', ...describe,
        onclick: () => quiet(send('contribution.move', { id, themeId: x.id })),
      }, t('card.moveTo', { label: x.label }))));
    }

    editBtn.hidden = !(c.mine && ctx.may('contribute')) || !editForm.hidden;
    setText(editBtn, t('card.edit'));
    withdrawBtn.hidden = !c.mine;
    setText(withdrawBtn, t('card.withdraw'));
    hideBtn.hidden = !f || ended;
    setText(hideBtn, c.hidden ? t('card.unhide') : t('card.hide'));
    spotBtn.hidden = !f || c.hidden || ended;
    setText(spotBtn, spotOn ? t('card.unspotlight') : t('card.spotlight'));
    // Facilitators park a post from its card: it leaves the board for the parking lot.
    parkBtn.hidden = !f || c.hidden || ended || c.kind === 'parking';
    setText(parkBtn, t('card.park'));
    actions.hidden = [editBtn, withdrawBtn, hideBtn, spotBtn, parkBtn].every((b) => b.hidden);
    setText(editLabel, t('card.editLabel'));
    setText(editSave, t('card.save'));
    setText(editCancel, t('card.cancel'));

    const parking = c.kind === 'parking';
    parkForm.hidden = !(parking && f && !c.hidden);
    if (parking) {
      const statusText = t(`parking.status.${c.status ?? 'open'}`);
      const owner = c.owner ? t('parking.ownerIs', { owner: c.owner }) : null;
      setText(badges, [...marks, statusText, owner].filter(Boolean).join(' · '));
      badges.hidden = false;
      if (f && !parkForm.contains(document.activeElement)) {
        setText(parkStatusLabel, t('parking.statusLabel'));
        setText(parkOwnerLabel, t('parking.ownerLabel'));
        setText(parkSave, t('parking.save'));
        replace(parkStatus, ['open', 'revisited', 'handed-on'].map((v) => h('option', { value: v, selected: v === (c.status ?? 'open') }, t(`parking.status.${v}`))));
        parkOwner.value = c.owner ?? '';
      }
    }
  }

  return { el, update, error: actionError };
}
