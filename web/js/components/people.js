// The console's people: everyone in the workshop, online or not, and removing someone after a
// confirmation that says what it means (a facilitator loses all facilitator powers).
import { ERR } from '../wire.js';
import { h, keyedList, replace, setText } from '../dom.js';
import { t } from '../i18n.js';
import { announce, errorText } from '../shell.js';
import { createDialog } from './dialog.js';
import { groupLabel } from './card.js';
import { peopleOf } from '../manage.js';

/** ctx: {conn}. The remove dialog is `dialog`, to be placed in the page outside the tool panels. */
export function createPeople(ctx) {
  const me = () => ctx.conn.you?.participantId;
  const heading = h('h2', { id: 'people-heading', tabindex: '-1' });
  const hint = h('p', { class: 'hint' });
  const list = h('ul', { class: 'people', 'aria-labelledby': 'people-heading' });
  const el = h('section', { class: 'panel', id: 'people', 'aria-labelledby': 'people-heading' }, heading, hint, list);

  const dialog = createDialog('remove-dialog');
  const text = h('p', { id: 'remove-text' });
  const facText = h('p', { hidden: true });
  const final = h('p', { class: 'strong' });
  const cancel = h('button', { type: 'button', class: 'secondary', id: 'remove-cancel', onclick: () => dialog.close() });
  const confirm = h('button', { type: 'button', class: 'danger', id: 'remove-confirm', onclick: confirmRemove });
  dialog.el.setAttribute('aria-describedby', 'remove-text');
  dialog.body.append(text, facText, final);
  dialog.actions.append(cancel, confirm);
  let removing = null; // {id, name, role}

  function row(id) {
    const name = h('span', { class: 'person-name' });
    const meta = h('span', { class: 'person-meta' });
    const btn = h('button', { type: 'button', class: 'secondary small danger', 'aria-haspopup': 'dialog',
      onclick: () => openRemove(id, btn) });
    const li = h('li', { class: 'person', dataset: { id } }, h('span', { class: 'person-who' }, name, meta), btn);
    let sig = '';
    function update(p, s) {
      setText(name, p.you ? `${p.name} ${t('people.you')}` : p.name);
      const what = p.role === 'facilitator' ? t('people.facilitator') : groupLabel(s, p.group);
      const next = `${what}|${p.online}|${document.documentElement.lang}`;
      if (next !== sig) {
        sig = next;
        replace(meta, what ? `${what} · ` : '', h('span', { 'aria-hidden': 'true' }, p.online ? '● ' : '○ '),
          p.online ? t('people.online') : t('people.offline'));
      }
      li.classList.toggle('offline', !p.online);
      btn.hidden = !p.removable;
      setText(btn, t('people.remove'));
      btn.setAttribute('aria-label', t('people.removeNamed', { name: p.name }));
    }
    return { el: li, update };
  }

  const syncRows = keyedList(list, (p) => row(p.id));

  function update(s) {
    const people = peopleOf(s, me());
    setText(heading, t('people.heading', { count: people.length }));
    setText(hint, t('people.hint'));
    const focusWasIn = list.contains(document.activeElement);
    syncRows(people, s);
    // The row with focus went (someone else removed that person): the heading, not the page top.
    if (focusWasIn && !list.contains(document.activeElement) && !dialog.isOpen) heading.focus();
    if (removing && dialog.isOpen) renderRemove();
  }

  function openRemove(id, from) {
    const p = peopleOf(ctx.conn.state, me()).find((x) => x.id === id);
    if (!p?.removable) return;
    removing = { id: p.id, name: p.name, role: p.role };
    renderRemove();
    dialog.open(cancel, { from, fallback: () => heading });
  }

  function renderRemove() {
    if (!removing) return;
    const { name, role } = removing;
    setText(dialog.heading, t('remove.title', { name }));
    setText(text, t('remove.body', { name }));
    facText.hidden = role !== 'facilitator';
    setText(facText, t('remove.facilitator', { name }));
    setText(final, t('remove.final'));
    setText(cancel, t('remove.cancel'));
    setText(confirm, t('remove.confirm', { name }));
  }

  function confirmRemove() {
    const target = removing;
    if (!target) return;
    dialog.busy(true);
    ctx.conn.send('participant.remove', { id: target.id }).then(() => {
      dialog.busy(false);
      dialog.close(heading);
      announce(t('remove.done', { name: target.name }));
    }).catch((e) => {
      dialog.busy(false);
      // Already gone (another facilitator was quicker): nothing left to do.
      if (e.code === ERR.NOT_FOUND) dialog.close(heading);
      else dialog.error(errorText(e));
    });
  }

  return { el, update, dialog };
}
