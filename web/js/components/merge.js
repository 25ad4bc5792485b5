// The console's "Merge themes" dialog: choose two or more themes and a name; their contributions
// go together into one new theme, and focus goes to it on the board.
import { $, h, place, replace, setText } from '../dom.js';
import { t } from '../i18n.js';
import { announce, errorText } from '../shell.js';
import { createDialog } from './dialog.js';
import { mergeArgs, mergeProblem, suggestedMergeLabel } from '../manage.js';

/** ctx: {conn}. Returns {dialog, open(opener), update(state)}. */
export function createMerge(ctx) {
  const dialog = createDialog('merge-dialog', { onSubmit: submit });
  const hint = h('p', { class: 'hint', id: 'merge-hint' });
  const legend = h('legend');
  const options = h('div', { class: 'options', id: 'merge-options' });
  const labelLabel = h('label', { for: 'merge-label' });
  const label = h('input', { id: 'merge-label', type: 'text', maxlength: 120, autocomplete: 'off',
    'aria-describedby': dialog.errorId, oninput: () => { labelTouched = true; label.removeAttribute('aria-invalid'); } });
  const submitBtn = h('button', { type: 'submit', id: 'merge-submit' });
  const cancel = h('button', { type: 'button', class: 'secondary', id: 'merge-cancel', onclick: () => dialog.close() });
  dialog.el.setAttribute('aria-describedby', 'merge-hint');
  dialog.body.append(hint, h('fieldset', {}, legend, options), h('div', { class: 'field' }, labelLabel, label));
  dialog.actions.append(submitBtn, cancel);
  const rows = new Map(); // theme id -> {el, box, update}
  let labelTouched = false;

  function open(from) {
    const s = ctx.conn.state;
    if (!s) return;
    for (const r of rows.values()) r.box.checked = false;
    label.value = '';
    label.removeAttribute('aria-invalid');
    labelTouched = false;
    render(s);
    dialog.open(options.querySelector('input'), { from, fallback: () => $('themes-heading') });
  }

  const chosen = () => [...rows].filter(([, r]) => r.box.checked).map(([id]) => id);

  function row(id) {
    const box = h('input', { type: 'checkbox', id: `merge-${id}`, value: id, onchange: () => {
      dialog.error('');
      if (!labelTouched) label.value = suggestedMergeLabel(ctx.conn.state?.themes, chosen());
    } });
    const text = h('label', { for: `merge-${id}` });
    const el = h('div', { class: 'check' }, box, text);
    let sig = null;
    function update(theme, shownIds) {
      const size = (theme.contributionIds ?? []).filter((c) => shownIds.has(c)).length;
      const next = `${theme.label}|${size}|${theme.votes ?? 0}|${document.documentElement.lang}`;
      if (next === sig) return;
      sig = next;
      replace(text, theme.label, ' ', h('span', { class: 'hint' },
        `(${t('themes.size', { count: size })}, ${t('votes.total', { count: theme.votes ?? 0 })})`));
    }
    return { el, box, update };
  }

  function render(s) {
    setText(dialog.heading, t('merge.title'));
    setText(hint, t('merge.hint'));
    setText(legend, t('merge.choose'));
    setText(labelLabel, t('merge.label'));
    setText(submitBtn, t('merge.submit'));
    setText(cancel, t('merge.cancel'));
    const themes = s.themes ?? [];
    const shownIds = new Set((s.contributions ?? []).filter((c) => !c.hidden).map((c) => c.id));
    const focusWasIn = options.contains(document.activeElement);
    place(options, themes.map((theme) => {
      let r = rows.get(theme.id);
      if (!r) { r = row(theme.id); rows.set(theme.id, r); }
      r.update(theme, shownIds);
      return r.el;
    }));
    for (const id of [...rows.keys()]) if (!themes.some((x) => x.id === id)) rows.delete(id);
    if (focusWasIn && !options.contains(document.activeElement)) (options.querySelector('input') ?? label).focus();
  }

  function submit() {
    const themes = ctx.conn.state?.themes ?? [];
    const ids = chosen();
    const problem = mergeProblem(themes, ids, label.value);
    if (problem) {
      dialog.error(t(problem));
      if (problem === 'merge.needTwo') (options.querySelector('input:not(:checked)') ?? label).focus();
      else { label.setAttribute('aria-invalid', 'true'); label.focus(); }
      return;
    }
    const args = mergeArgs(themes, ids, label.value);
    dialog.busy(true);
    ctx.conn.send('theme.merge', args).then(({ result }) => {
      dialog.busy(false);
      // The new theme's events came before this ack, so it is on the board: focus goes to it.
      const made = result?.id ? $(`theme-h-${result.id}`) : null;
      dialog.close(made ?? undefined);
      announce(t('merge.done', { label: args.label }));
    }).catch((e) => {
      dialog.busy(false);
      dialog.error(errorText(e));
    });
  }

  return { dialog, open, update: (s) => { if (dialog.isOpen) render(s); } };
}
