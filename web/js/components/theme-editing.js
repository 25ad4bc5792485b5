// The console's setting for who may rename, merge and delete themes (settings.themeEditing):
// "Only facilitators" (the default) or "Everyone". Participants' controls follow it at once.
import { h, setText } from '../dom.js';
import { t } from '../i18n.js';
import { announce } from '../shell.js';
import { createInlineError } from './inline-error.js';

const CHOICES = ['facilitators', 'everyone'];

/** ctx: {conn} */
export function createThemeEditing(ctx) {
  const heading = h('h2', { id: 'theme-editing-heading' });
  const legend = h('legend', { class: 'visually-hidden' });
  const error = createInlineError('theme-editing-error');
  const radios = CHOICES.map((v) => {
    const input = h('input', { type: 'radio', name: 'theme-editing', id: `theme-editing-${v}`, value: v,
      'aria-describedby': error.id, onchange: () => choose(v) });
    const label = h('label', { for: input.id });
    return { v, input, label, el: h('div', { class: 'check' }, input, label) };
  });
  const fieldset = h('fieldset', {}, legend, radios.map((r) => r.el));
  const el = h('section', { class: 'panel', id: 'theme-editing', 'aria-labelledby': 'theme-editing-heading' },
    heading, fieldset, error.el);
  let sending = false;

  function choose(v) {
    sending = true;
    fieldset.disabled = true;
    ctx.conn.send('workshop.update', { settings: { themeEditing: v } })
      .then(() => { error.clear(); announce(t(`themeEditing.done.${v}`)); })
      .catch((e) => { error.show(e); })
      .finally(() => {
        sending = false;
        fieldset.disabled = false;
        update(ctx.conn.state ?? {});
        radios.find((r) => r.input.checked)?.input.focus();
      });
  }

  function update(state) {
    el.hidden = state.workshop?.status === 'ended';
    setText(heading, t('themeEditing.heading'));
    setText(legend, t('themeEditing.heading'));
    const now = state.workshop?.settings?.themeEditing === 'everyone' ? 'everyone' : 'facilitators';
    for (const r of radios) {
      setText(r.label, t(`themeEditing.${r.v}`));
      if (!sending) r.input.checked = r.v === now;
    }
  }

  return { el, update };
}
