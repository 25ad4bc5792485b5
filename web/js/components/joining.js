// Who may join, from the console: stop new people joining for a while (the workshop's
// `joiningLocked` setting), and make a new join code when the old one has reached people it should
// not have (the old one stops working at once). The state is said in words, a problem is shown
// beside the control that caused it, and a new code needs a confirmation first.
import { ERR } from '../wire.js';
import { h, setText } from '../dom.js';
import { t } from '../i18n.js';
import { announce, errorText } from '../shell.js';
import { createDialog } from './dialog.js';
import { createInlineError } from './inline-error.js';
import { postJson } from '../api.js';
import { joiningLocked, lockArgs, newJoinCodePath } from '../manage.js';

/**
 * ctx: {conn, state()}; token: the facilitator's; shownCode(): the code on screen now;
 * onNewCode(code): the answer's new code, shown until the workshop's event brings it.
 */
export function createJoining(ctx, { token, shownCode, onNewCode }) {
  const heading = h('h3', { id: 'joining-heading' });
  const status = h('p', { class: 'joining-status', id: 'joining-status' });
  // Its words change with the state ("Stop…" / "Let… again"), so it is a plain button: a toggle's
  // aria-pressed needs a name that stays the same. The line above says where things stand.
  const lockBtn = h('button', { type: 'button', class: 'secondary', id: 'joining-lock',
    'aria-describedby': 'joining-status joining-error', onclick: toggle });
  const newBtn = h('button', { type: 'button', class: 'secondary', id: 'join-code-new', 'aria-haspopup': 'dialog',
    'aria-describedby': 'joining-error', onclick: () => openConfirm() });
  const problem = createInlineError('joining-error');
  const el = h('div', { class: 'joining', id: 'joining' }, heading, status,
    h('div', { class: 'actions' }, lockBtn, newBtn), problem.el);

  const dialog = createDialog('join-code-dialog');
  const dialogText = h('p', { id: 'join-code-dialog-text' });
  const dialogStays = h('p');
  const cancel = h('button', { type: 'button', class: 'secondary', id: 'join-code-cancel', onclick: () => dialog.close() });
  const confirm = h('button', { type: 'button', id: 'join-code-confirm', onclick: makeNewCode });
  dialog.el.setAttribute('aria-describedby', 'join-code-dialog-text');
  dialog.body.append(dialogText, dialogStays);
  dialog.actions.append(cancel, confirm);

  let busy = false; // aria-disabled, not disabled: a disabled button drops the keyboard focus

  function setBusy(on) {
    busy = on;
    for (const b of [lockBtn, newBtn]) {
      if (on) b.setAttribute('aria-disabled', 'true');
      else b.removeAttribute('aria-disabled');
    }
    if (on) el.setAttribute('aria-busy', 'true');
    else el.removeAttribute('aria-busy');
  }

  async function toggle() {
    if (busy) return;
    const want = !joiningLocked(ctx.state());
    problem.clear();
    setBusy(true);
    try {
      await ctx.conn.send('workshop.update', lockArgs(want));
      // The event comes before the ack; a server that did not take the setting changed nothing.
      if (joiningLocked(ctx.state()) !== want) throw { code: 'NOT_CHANGED' };
      announce(t(want ? 'joining.lockedNow' : 'joining.openNow'));
    } catch (err) {
      problem.show(err);
    } finally {
      setBusy(false);
    }
  }

  function renderDialog() {
    setText(dialog.heading, t('joining.confirmTitle'));
    setText(dialogText, t('joining.confirmBody', { code: shownCode() }));
    setText(dialogStays, t('joining.confirmStays'));
    setText(cancel, t('joining.cancel'));
    setText(confirm, t('joining.confirm'));
  }

  function openConfirm() {
    if (busy) return;
    problem.clear();
    renderDialog();
    // Cancel first: the safe choice is the one a stray Enter takes.
    dialog.open(cancel, { from: newBtn, fallback: () => newBtn });
  }

  async function makeNewCode() {
    const id = ctx.state()?.workshop?.id;
    if (!id) return;
    dialog.busy(true);
    setBusy(true);
    try {
      const data = await postJson(newJoinCodePath(id), {}, token);
      if (typeof data?.joinCode !== 'string' || !data.joinCode) throw { code: ERR.INTERNAL };
      onNewCode(data.joinCode);
      dialog.busy(false);
      dialog.close(newBtn);
      announce(t('joining.newCodeDone', { code: data.joinCode }));
    } catch (err) {
      dialog.busy(false);
      dialog.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  function update(state) {
    const locked = joiningLocked(state);
    el.hidden = state.workshop?.status === 'ended';
    el.classList.toggle('is-locked', locked);
    setText(heading, t('joining.heading'));
    setText(status, locked ? t('joining.locked') : t('joining.open'));
    setText(lockBtn, locked ? t('joining.unlock') : t('joining.lock'));
    setText(newBtn, t('joining.newCode'));
    if (dialog.isOpen) renderDialog();
  }

  return { el, update, dialog };
}
