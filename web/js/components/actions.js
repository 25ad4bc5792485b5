// Actions: what will be done, by whom and by when, and later what came of it. Everyone sees the list;
// a facilitator adds actions and sets where each stands, with any mistake shown beside the field.
import { h, keyedList, replace, setText } from '../dom.js';
import { t } from '../i18n.js';
import { announce } from '../shell.js';
import { createInlineError } from './inline-error.js';

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'not-possible'];

/** A yyyy-mm-dd date that exists, or '' for none; null when it is neither. */
export function checkedDate(value) {
  const v = String(value ?? '').trim();
  if (!v) return '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v ? v : null;
}

function field(id, labelKey, input, error) {
  const label = h('label', { for: id });
  label._key = labelKey;
  if (error) input.setAttribute('aria-describedby', error.id);
  return { el: h('div', { class: 'field' }, label, error?.el, input), label };
}

/** ctx: {conn, state(), facilitator}. */
export function createActions(ctx) {
  const heading = h('h2', { id: 'actions-heading' });
  const hint = h('p', { class: 'hint' });
  const none = h('p', { class: 'hint', id: 'actions-none' });
  const listEl = h('ul', { class: 'action-list', id: 'action-list' });

  const textError = createInlineError('action-text-error');
  const dueError = createInlineError('action-due-error');
  const addError = createInlineError('action-add-error');
  const text = h('input', { id: 'action-text', type: 'text', maxlength: 500, autocomplete: 'off' });
  const owner = h('input', { id: 'action-owner', type: 'text', maxlength: 120, autocomplete: 'off' });
  const due = h('input', { id: 'action-due', type: 'date' });
  const answers = h('select', { id: 'action-answers' });
  const syncAnswers = keyedList(answers, (c) => {
    const el = h('option', { value: c.id });
    return { el, update: (x) => setText(el, x.text.length > 60 ? `${x.text.slice(0, 57)}…` : x.text) };
  });
  const fields = [field('action-text', 'actions.text', text, textError), field('action-owner', 'actions.owner', owner),
    field('action-due', 'actions.due', due, dueError), field('action-answers', 'actions.answers', answers)];
  const addBtn = h('button', { type: 'submit', id: 'action-add' });
  const form = h('form', { id: 'action-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); add(); } },
    ...fields.map((f) => f.el), addError.el, addBtn);
  const el = h('section', { class: 'panel', id: 'actions', 'aria-labelledby': 'actions-heading' },
    heading, hint, none, listEl, ctx.facilitator ? form : null);

  async function add() {
    textError.clear();
    dueError.clear();
    addError.clear();
    const words = text.value.trim();
    const date = checkedDate(due.value);
    if (!words) { textError.show({ key: 'actions.needText' }); text.focus(); return; }
    if (date == null) { dueError.show({ key: 'actions.badDate' }); due.focus(); return; }
    const args = { text: words };
    if (owner.value.trim()) args.owner = owner.value.trim();
    if (date) args.due = date;
    if (answers.value) args.contributionId = answers.value;
    addBtn.disabled = true;
    try {
      await ctx.conn.send('action.add', args);
      text.value = owner.value = due.value = answers.value = '';
      announce(t('actions.saved'));
      text.focus();
    } catch (err) {
      addError.show(err);
    } finally {
      addBtn.disabled = false;
    }
  }

  function createRow(id) {
    const title = h('p', { class: 'action-text' });
    const meta = h('p', { class: 'hint action-meta' });
    const outcome = h('p', { class: 'action-outcome' });
    const li = h('li', { class: 'action', id: `action-${id}` }, title, meta, outcome);
    let edit = null;
    if (ctx.facilitator) {
      const error = createInlineError(`action-${id}-error`);
      const status = h('select', { id: `action-${id}-status` });
      const said = h('input', { id: `action-${id}-outcome`, type: 'text', maxlength: 500, autocomplete: 'off' });
      const save = h('button', { type: 'submit', class: 'secondary small', id: `action-${id}-save` });
      const statusField = field(`action-${id}-status`, 'actions.status', status);
      const saidField = field(`action-${id}-outcome`, 'actions.outcome', said, error);
      const f = h('form', { class: 'action-edit', novalidate: true, onsubmit: async (e) => {
        e.preventDefault();
        error.clear();
        save.disabled = true;
        try {
          await ctx.conn.send('action.update', { id, status: status.value, outcome: said.value.trim() });
          announce(t('actions.saved'));
        } catch (err) {
          error.show(err);
        } finally {
          save.disabled = false;
        }
      } }, statusField.el, saidField.el, save);
      li.append(f);
      edit = { status, said, save, labels: [statusField.label, saidField.label] };
    }
    let shown = '';
    return {
      el: li,
      update(a) {
        const key = JSON.stringify(a) + t('actions.save');
        if (key === shown || li.contains(document.activeElement)) return;
        shown = key;
        setText(title, a.text);
        const bits = [t(`actions.statuses.${a.status}`)];
        if (a.owner) bits.push(t('actions.ownerIs', { owner: a.owner }));
        if (a.due) bits.push(t('actions.dueIs', { due: a.due }));
        if (a.carriedFrom) bits.push(t('actions.carried'));
        setText(meta, bits.join(' · '));
        setText(outcome, a.outcome ?? '');
        outcome.hidden = !a.outcome;
        if (edit) {
          for (const l of edit.labels) setText(l, t(l._key));
          replace(edit.status, ACTION_STATUSES.map((st) => h('option', { value: st, selected: st === a.status },
            t(`actions.statuses.${st}`))));
          edit.status.value = a.status;
          edit.said.value = a.outcome ?? '';
          setText(edit.save, t('actions.save'));
        }
      },
    };
  }

  const syncRows = keyedList(listEl, (a) => createRow(a.id));

  function update(s) {
    setText(heading, t('actions.heading'));
    setText(hint, t('actions.hint'));
    const actions = Array.isArray(s.actions) ? s.actions : [];
    setText(none, actions.length ? '' : t('actions.none'));
    none.hidden = actions.length > 0;
    syncRows(actions);
    if (!ctx.facilitator) return;
    form.hidden = false;
    for (const f of fields) setText(f.label, t(f.label._key));
    setText(addBtn, t('actions.add'));
    // Options are kept by id: a new question posted while someone is choosing adds one option and
    // leaves their choice, and the focus, where they were.
    const v = answers.value;
    const items = (s.contributions ?? []).filter((c) => c.kind === 'parking' || c.kind === 'question');
    syncAnswers([{ id: '', text: t('actions.answersNone') }, ...items]);
    if (answers.value !== v) answers.value = items.some((c) => c.id === v) ? v : '';
  }

  return { el, update };
}
