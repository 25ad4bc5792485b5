// The console's co-facilitators: POST /api/workshops/{id}/facilitators makes a link for someone
// named; each link is shown once, on this page, to copy, and disappears when that person is removed.
import { ERR } from '../wire.js';
import { h, place, setText } from '../dom.js';
import { t } from '../i18n.js';
import { announce, whileBusy } from '../shell.js';
import { createInlineError } from './inline-error.js';
import { createCopyField } from './copy.js';
import { facilitatorPath } from '../manage.js';
import { postJson } from '../api.js';

/** ctx: {conn}; token: this facilitator's. */
export function createCofac(ctx, { token }) {
  const heading = h('h2', { id: 'cofac-heading' });
  const hint = h('p', { class: 'note', id: 'cofac-hint' });
  const nameLabel = h('label', { for: 'cofac-name' });
  // A missing name or a refused link, under the name box (GOV.UK error message), part of its description.
  const error = createInlineError('cofac-error');
  const name = h('input', { id: 'cofac-name', type: 'text', maxlength: 80, autocomplete: 'off',
    'aria-describedby': `cofac-hint ${error.id}`, oninput: () => {
      if (name.value.trim() && name.hasAttribute('aria-invalid')) { name.removeAttribute('aria-invalid'); error.clear(); }
    } });
  const btn = h('button', { type: 'submit', class: 'secondary', id: 'cofac-create', 'aria-describedby': error.id });
  const form = h('form', { class: 'cofac-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); invite(); } },
    h('div', { class: 'field' }, nameLabel, name, error.el), btn);
  const list = h('ul', { class: 'cofac-links', id: 'cofac-links' });
  const el = h('section', { class: 'panel', id: 'cofac', 'aria-labelledby': 'cofac-heading' }, heading, hint, form, list);
  const invites = []; // {name, participantId, url, field, once, li}, newest first

  async function invite() {
    const who = name.value.trim();
    if (!who) { name.setAttribute('aria-invalid', 'true'); error.show({ key: 'cofac.needName' }); name.focus(); return; }
    name.removeAttribute('aria-invalid');
    const id = ctx.conn.state?.workshop?.id;
    if (!id) return;
    const done = await whileBusy(btn, form, async () => {
      const data = await postJson(`/api/workshops/${encodeURIComponent(id)}/facilitators`, { name: who }, token);
      if (typeof data?.token !== 'string') throw { code: ERR.INTERNAL };
      const field = createCopyField(`cofac-link-${invites.length + 1}`);
      const once = h('p', { class: 'hint' });
      invites.unshift({ name: who, participantId: data.participantId,
        url: new URL(facilitatorPath(data.token), location.origin).href, field, once });
      name.value = '';
      renderInvites();
      field.input.focus();
      announce(t('cofac.created', { name: who }));
    }, error);
    if (!done) name.focus();
  }

  function renderInvites() {
    // A co-facilitator removed since is gone from the list: their link opens nothing any more.
    const removed = new Set((ctx.conn.state?.participants ?? []).filter((p) => p.removed).map((p) => p.id));
    place(list, invites.filter((inv) => !removed.has(inv.participantId)).map((inv) => {
      inv.field.update({ label: t('cofac.linkFor', { name: inv.name }), value: inv.url, copyLabel: t('cofac.copyFor', { name: inv.name }) });
      setText(inv.once, t('cofac.once'));
      inv.li ??= h('li', { class: 'cofac-link' }, inv.field.el, inv.once);
      return inv.li;
    }));
  }

  function update(s) {
    setText(heading, t('cofac.heading'));
    setText(hint, t('cofac.hint'));
    setText(nameLabel, t('cofac.name'));
    setText(btn, t('cofac.create'));
    form.hidden = s.workshop?.status === 'ended';
    renderInvites();
  }
  return { el, update };
}
