// The contributions board: themes with their contributions, the ones not grouped yet, the
// parking lot, and (for facilitators) hidden ones. Grouping works by keyboard (each card's
// theme menu, "might fit" buttons) and by dragging a card onto a theme with a mouse.
import { h, place, setText } from '../dom.js';
import { t } from '../i18n.js';
import { announce, showError } from '../shell.js';
import { createCard } from './card.js';
import { askToConfirm } from './confirm.js';
import { createInlineError } from './inline-error.js';
import { createFilter, matchesFilter } from './filter.js';
import { LIMITS } from '../wire.js';

const DRAG_TYPE = 'text/x-cg-contribution';

/** failed(id, err): a refused move, said on the card that was dragged. */
function dropZone(el, themeId, ctx, failed) {
  el.addEventListener('dragover', (e) => {
    if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    el.classList.add('drop-target');
  });
  el.addEventListener('dragleave', (e) => { if (!el.contains(e.relatedTarget)) el.classList.remove('drop-target'); });
  el.addEventListener('drop', (e) => {
    el.classList.remove('drop-target');
    const id = e.dataTransfer.getData(DRAG_TYPE);
    if (!id) return;
    e.preventDefault();
    ctx.conn.send('contribution.move', { id, themeId: themeId() }).catch((err) => failed(id, err));
  });
}

/**
 * ctx: {conn, facilitator, may(word), state(), draftKey(name), openMerge?(opener), reveal?(node)}
 * cockpit: the console's board: the posts not in a theme yet (newest first) come before the themes,
 * so what just arrived is at the top of its pane, and the parking lot is `parking`, placed elsewhere
 * (a tool of its own) instead of at the bottom of the board.
 */
export function createBoard(ctx, { cockpit = false } = {}) {
  const cards = new Map(); // contribution id -> {el, update}
  const themeEls = new Map(); // theme id -> {el, update}

  const themesHeading = h('h2', { id: 'themes-heading', tabindex: '-1' });
  const themesHint = h('p', { class: 'hint' });
  const newThemeLabel = h('label', { for: 'new-theme' });
  const newThemeError = createInlineError('new-theme-error');
  const newThemeInput = h('input', { id: 'new-theme', type: 'text', maxlength: LIMITS.themeLabel, autocomplete: 'off',
    'aria-describedby': newThemeError.id, oninput: () => {
      if (newThemeInput.value.trim() && newThemeInput.hasAttribute('aria-invalid')) themeProblem(null);
    } });
  const newThemeBtn = h('button', { type: 'submit', class: 'small' });
  function themeProblem(err) {
    if (err) { newThemeInput.setAttribute('aria-invalid', 'true'); newThemeError.show(err); return; }
    newThemeInput.removeAttribute('aria-invalid');
    newThemeError.clear();
  }
  const newThemeForm = h('form', { class: 'new-theme', onsubmit: (e) => {
    e.preventDefault();
    const label = newThemeInput.value.trim();
    if (!label) { themeProblem(t('themes.needLabel')); newThemeInput.focus(); return; }
    themeProblem(null);
    // Refused: the name comes back into the box (if it is still empty), the reason under it.
    ctx.conn.send('theme.create', { label }).then(() => announce(t('themes.created', { label })), (err) => {
      if (!newThemeInput.value.trim()) newThemeInput.value = label;
      themeProblem(err);
    });
    newThemeInput.value = '';
  } }, newThemeLabel, newThemeError.el, h('div', { class: 'inline' }, newThemeInput, newThemeBtn));
  // Facilitators: merge two or more themes (the console's dialog, ctx.openMerge).
  const mergeBtn = h('button', { type: 'button', class: 'secondary small', id: 'merge-open', hidden: true,
    'aria-haspopup': 'dialog', onclick: () => ctx.openMerge?.(mergeBtn) });
  const themeList = h('ul', { class: 'themes', 'aria-labelledby': 'themes-heading' });
  const mergeOpen = h('p', { class: 'merge-open' }, mergeBtn);
  // In the console's board pane the themes' posts come first, so the newest are on the first screen
  // beside a video call; the way to make and merge themes follows them.
  const themesSection = h('section', { class: 'board-section', 'aria-labelledby': 'themes-heading' },
    ...(cockpit ? [themesHeading, themeList, themesHint, newThemeForm, mergeOpen]
      : [themesHeading, themesHint, newThemeForm, mergeOpen, themeList]));

  const looseHeading = h('h2', { id: 'loose-heading', tabindex: '-1' });
  const looseEmpty = h('p', { class: 'empty' });
  const looseList = h('ul', { class: 'cards', id: 'loose-list', 'aria-labelledby': 'loose-heading' });
  const looseSection = h('section', { class: 'board-section loose', 'aria-labelledby': 'loose-heading' },
    looseHeading, looseEmpty, looseList);
  // On the card dragged; a card not on this board any more has no place, so the page's alert says it.
  const moveFailed = (id, err) => (cards.get(id)?.error.show ?? showError)(err);
  dropZone(looseSection, () => null, ctx, moveFailed);

  const parkingHeading = h('h2', { id: 'parking-heading' });
  const parkingHint = h('p', { class: 'hint' });
  const parkingList = h('ul', { class: 'cards', 'aria-labelledby': 'parking-heading' });
  const parkingEmpty = h('p', { class: 'empty', hidden: true });
  const parkingSection = h('section', { class: `board-section parking${cockpit ? ' panel' : ''}`, id: 'parking',
    'aria-labelledby': 'parking-heading' }, parkingHeading, parkingHint, parkingEmpty, parkingList);

  const hiddenHeading = h('h2', { id: 'hidden-heading' });
  const hiddenList = h('ul', { class: 'cards', 'aria-labelledby': 'hidden-heading' });
  const hiddenSection = h('section', { class: 'board-section', hidden: true, 'aria-labelledby': 'hidden-heading' },
    hiddenHeading, hiddenList);

  const filter = createFilter({ onChange: () => update(ctx.state()) });
  // On a phone the newest post can be screens away (under the themes, in one of them): one tap to it.
  let newestId = null;
  const newestBtn = h('button', { type: 'button', class: 'secondary small', id: 'board-newest', hidden: true,
    onclick: () => {
      const card = cards.get(newestId)?.el;
      if (!card?.isConnected) return;
      card.setAttribute('tabindex', '-1');
      card.scrollIntoView({ block: 'center' });
      card.focus({ preventScroll: true });
    } });
  const newest = h('p', { class: 'board-newest' }, newestBtn);
  // The console's pane puts the filter in its own heading row (filterEl), where it stays in view and takes no
  // height from the posts beside a video call.
  const el = cockpit ? h('div', { class: 'board' }, looseSection, themesSection, hiddenSection)
    : h('div', { class: 'board' }, filter.el, newest, themesSection, looseSection, parkingSection, hiddenSection);

  function cardFor(c) {
    let card = cards.get(c.id);
    if (!card) { card = createCard(ctx, c); cards.set(c.id, card); }
    return card;
  }

  function themeFor(theme) {
    let te = themeEls.get(theme.id);
    if (!te) { te = createTheme(ctx, theme.id, moveFailed); themeEls.set(theme.id, te); }
    return te;
  }

  function update(state) {
    // A card that moves between lists leaves the document for a moment; focus follows it.
    const active = el.contains(document.activeElement) ? document.activeElement : null;
    const all = state.contributions ?? [];
    const byId = new Map(all.map((c) => [c.id, c]));
    const f = filter.value;
    const shownAll = all.filter((c) => !c.hidden);
    const shown = shownAll.filter((c) => matchesFilter(c, f));
    const allThemes = state.themes ?? [];
    // Narrowed: only the chosen theme, or the themes that hold something the filter keeps.
    const themes = f.type === 'all' ? allThemes : allThemes.filter((x) => (f.type === 'theme' ? x.id === f.id
      : (x.contributionIds ?? []).some((id) => shown.some((c) => c.id === id))));
    const canGroup = ctx.may('group');
    const used = new Set();
    const render = (c) => { const card = cardFor(c); card.update(c, state); used.add(c.id); return card.el; };

    // Themes
    // Until something is posted there is nothing to group: no theme form to puzzle over yet.
    themesSection.hidden = themes.length === 0 && (!canGroup || shown.length === 0);
    setText(themesHeading, t('themes.heading', { count: themes.length }));
    setText(themesHint, canGroup ? t('themes.hint') : '');
    themesHint.hidden = !canGroup;
    newThemeForm.hidden = !canGroup;
    setText(newThemeLabel, t('themes.newLabel'));
    setText(newThemeBtn, t('themes.create'));
    mergeBtn.hidden = !ctx.facilitator || !ctx.openMerge || themes.length < 2 || state.workshop?.status === 'ended';
    mergeBtn.parentElement.hidden = mergeBtn.hidden;
    setText(mergeBtn, t('merge.open'));
    const themeNodes = themes.map((theme) => {
      const te = themeFor(theme);
      const members = (theme.contributionIds ?? []).map((id) => byId.get(id)).filter((c) => c && !c.hidden && matchesFilter(c, f));
      te.update(theme, state, members.map(render));
      return te.el;
    });
    place(themeList, themeNodes);
    for (const [id] of themeEls) if (!themes.some((x) => x.id === id)) themeEls.delete(id);

    // Not in a theme (parking lot items live in their own list)
    const loose = shown.filter((c) => c.kind !== 'parking' && !(c.themeId && allThemes.some((x) => x.id === c.themeId)))
      .sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
    setText(looseHeading, allThemes.length ? t('board.loose', { count: loose.length }) : t('board.all', { count: loose.length }));
    looseEmpty.hidden = loose.length > 0;
    setText(looseEmpty, allThemes.length ? t('board.looseEmpty') : t('board.empty'));
    place(looseList, loose.map(render));

    const parking = shown.filter((c) => c.kind === 'parking');
    // On its own (a console tool) the lot is always there, saying when it is empty.
    parkingSection.hidden = !cockpit && parking.length === 0;
    parkingEmpty.hidden = parking.length > 0;
    setText(parkingEmpty, t('parking.empty'));
    setText(parkingHeading, t('parking.heading', { count: parking.length }));
    setText(parkingHint, t('parking.hint'));
    place(parkingList, parking.map(render));

    const hidden = ctx.facilitator ? all.filter((c) => c.hidden && matchesFilter(c, f)) : [];
    filter.update(state, { shown: shown.length, total: shownAll.length });
    // A theme chosen: its section only; the rest would be empty lists saying "nothing here".
    looseSection.hidden = f.type === 'theme';
    hiddenSection.hidden = hidden.length === 0;
    setText(hiddenHeading, t('board.hidden', { count: hidden.length }));
    place(hiddenList, hidden.map(render));

    const latest = shown.reduce((a, c) => (used.has(c.id) && (!a || (c.createdAt ?? 0) >= (a.createdAt ?? 0)) ? c : a), null);
    newestId = latest?.id ?? null;
    newestBtn.hidden = ctx.facilitator || shown.length < 2;
    newest.hidden = newestBtn.hidden;
    setText(newestBtn, t('board.newest'));

    for (const id of [...cards.keys()]) if (!used.has(id)) cards.delete(id);
    if (active && document.activeElement !== active) {
      // Still here (moved): keep it. Gone (withdrawn, hidden): the nearest heading, not the page top.
      if (document.contains(active)) active.focus();
      else (themes.length ? themesHeading : looseHeading).focus();
    }
  }

  return { el, update, parking: parkingSection, filterEl: filter.el };
}

/** One theme: its label, votes, actions, and the list its cards are placed into. */
function createTheme(ctx, id, moveFailed) {
  const headingId = `theme-h-${id}`;
  // This theme's buttons' refusals, under them (not at the page's top); the next success clears it.
  const error = createInlineError(`theme-error-${id}`);
  const send = (name, args) => ctx.conn.send(name, args)
    .then((r) => { error.clear(); return r; }, (err) => { error.show(err); });
  const label = h('h3', { class: 'theme-label', id: headingId, tabindex: '-1' });
  const meta = h('p', { class: 'theme-meta' });
  const describe = { 'aria-describedby': `${headingId} ${error.id}` };
  const voteUp = h('button', { type: 'button', class: 'chip vote', ...describe, onclick: () => vote('vote.cast') });
  const voteDown = h('button', { type: 'button', class: 'chip vote', ...describe, onclick: () => vote('vote.retract') });
  const renameBtn = h('button', { type: 'button', class: 'secondary small', ...describe, onclick: () => {
    renameInput.value = current.label;
    renameForm.hidden = false;
    renameBtn.hidden = true;
    renameInput.focus();
  } });
  const spotBtn = h('button', { type: 'button', class: 'secondary small', ...describe, onclick: () => {
    const s = ctx.state().spotlight;
    send('spotlight.set', s?.type === 'theme' && s.id === id ? { type: null } : { type: 'theme', id });
  } });
  const deleteBtn = h('button', { type: 'button', class: 'secondary small danger', ...describe, 'aria-haspopup': 'dialog',
    onclick: async () => {
      const sure = await askToConfirm({ id: 'theme-delete', title: t('themes.deleteTitle', { label: current.label }),
        body: t('themes.deleteConfirm'), yes: t('themes.deleteYes'), no: t('themes.deleteNo'), from: deleteBtn });
      if (sure) send('theme.delete', { id });
    } });
  const actions = h('div', { class: 'actions' }, voteUp, voteDown, renameBtn, spotBtn, deleteBtn);
  const renameLabel = h('label', { for: `rename-${id}` });
  const renameInput = h('input', { id: `rename-${id}`, type: 'text', maxlength: LIMITS.themeLabel, 'aria-describedby': error.id });
  const renameSave = h('button', { type: 'submit', class: 'small' });
  const renameCancel = h('button', { type: 'button', class: 'secondary small', onclick: () => closeRename() });
  const renameForm = h('form', { class: 'rename', hidden: true, onsubmit: (e) => {
    e.preventDefault();
    const v = renameInput.value.trim();
    if (!v) { error.show({ key: 'themes.needLabel' }); renameInput.focus(); return; }
    send('theme.rename', { id, label: v });
    closeRename();
  } }, renameLabel, h('div', { class: 'inline' }, renameInput, renameSave, renameCancel));
  const empty = h('p', { class: 'empty' });
  const list = h('ul', { class: 'cards', 'aria-labelledby': headingId });
  const el = h('li', { class: 'theme', dataset: { id } }, label, meta, actions, error.el, renameForm, empty, list);
  dropZone(el, () => id, ctx, moveFailed);
  let current = { id, label: '' };

  function closeRename() {
    error.clear();
    renameForm.hidden = true;
    renameBtn.hidden = false;
    renameBtn.focus();
  }
  function vote(name) {
    send(name, { targetId: id }).then((r) => {
      if (typeof r?.result?.remaining === 'number') announce(t('votes.remaining', { count: r.result.remaining }));
    });
  }

  function update(theme, state, cardEls) {
    current = theme;
    setText(label, theme.label);
    const yours = state.yourVotes?.[id] ?? 0;
    const parts = [t('themes.size', { count: cardEls.length }), t('votes.on', { count: theme.votes ?? 0, yours })];
    if (theme.suggested) parts.push(t('themes.suggestedMark'));
    const s = state.spotlight;
    const spotOn = s?.type === 'theme' && s.id === id;
    if (spotOn) parts.push(t('card.spotlit'));
    setText(meta, parts.join(' · '));
    el.classList.toggle('spotlit', spotOn);
    const ended = state.workshop?.status === 'ended';
    const canVote = ctx.may('vote');
    voteUp.hidden = !canVote;
    voteDown.hidden = !canVote || yours === 0;
    setText(voteUp, t('votes.add'));
    setText(voteDown, t('votes.remove'));
    const editing = ctx.mayEditThemes?.() ?? ctx.facilitator;
    renameBtn.hidden = !editing || !renameForm.hidden;
    if (!editing && !renameForm.hidden) renameForm.hidden = true;
    setText(renameBtn, t('themes.rename'));
    spotBtn.hidden = !ctx.facilitator || ended;
    setText(spotBtn, spotOn ? t('card.unspotlight') : t('card.spotlight'));
    deleteBtn.hidden = !editing;
    setText(deleteBtn, t('themes.delete'));
    actions.hidden = [voteUp, renameBtn, spotBtn, deleteBtn].every((b) => b.hidden);
    setText(renameLabel, t('themes.renameLabel'));
    setText(renameSave, t('card.save'));
    setText(renameCancel, t('card.cancel'));
    empty.hidden = cardEls.length > 0;
    setText(empty, ctx.may('group') ? t('themes.emptyDrop') : t('themes.empty'));
    place(list, cardEls);
  }

  return { el, update };
}

