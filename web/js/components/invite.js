// The console's "Invite people" panel: the join code with its QR code and link; who may join
// (joining.js); the display link; and this facilitator's own link.
//
// Tokens never go into an address bar from here: the display opens in a new tab that is handed
// its token through sessionStorage, and the facilitator's own link is copied without being shown,
// because a console is often on a shared or projected screen.
import { ERR } from '../wire.js';
import { h, setText } from '../dom.js';
import { t } from '../i18n.js';
import { announce, whileBusy } from '../shell.js';
import { copyText, createCopyField, createCopyStatus } from './copy.js';
import { createInlineError } from './inline-error.js';
import { createJoining } from './joining.js';
import { postJson } from '../api.js';
import {
  browserStorage, facilitatorPath, joinPath, qrPath, recallLinks, rememberLinks, safeDisplayPath, shownJoinCode,
  tokenOfPath,
} from '../manage.js';
import { KEYS, openWithToken } from '../storage.js';

const sameCode = (a, b) => joinPath(a) === joinPath(b);

/** ctx: {conn, state()}; token: this facilitator's. */
export function createInvite(ctx, { token }) {
  const heading = h('h2', { id: 'invite-heading' });
  const codeLabel = h('span');
  const code = h('strong', { class: 'join-code', id: 'invite-code' });
  const qr = h('img', { class: 'invite-qr', id: 'invite-qr', width: 160, height: 160, alt: '' });
  const joinField = createCopyField('invite-link');
  let issued = null; // {code, replaced}: a code made here, until the state has it
  const joining = createJoining(ctx, {
    token,
    shownCode: () => shownJoinCode(ctx.state().workshop?.joinCode, issued),
    onNewCode: (next) => {
      const current = ctx.state().workshop?.joinCode;
      issued = sameCode(current, next) ? null : { code: next, replaced: current };
      update(ctx.state());
    },
  });

  // The server keeps only a hash of the display token: the link is known here if this browser created
  // the workshop (home.js keeps it then) or made one since; otherwise the server makes a new one on asking.
  const displayHeading = h('h3', { id: 'display-heading' });
  const displayHint = h('p', { class: 'hint' });
  const displayOpen = h('button', { type: 'button', class: 'secondary', id: 'display-open',
    'aria-describedby': 'display-open-error', onclick: openDisplay });
  const displayProblem = createInlineError('display-open-error');
  const displayField = createCopyField('display-link');
  const displayKnown = h('div', { hidden: true }, displayHint, h('p', {}, displayOpen), displayProblem.el, displayField.el);
  const displayUnknownNote = h('p', { class: 'note' });
  const displayMakeBtn = h('button', { type: 'button', class: 'secondary', id: 'display-make', onclick: () => makeDisplayLink() });
  const displayUnknown = h('div', { id: 'display-unknown', hidden: true }, displayUnknownNote, h('p', {}, displayMakeBtn));
  let displayPathKept; // undefined: not looked up yet (the workshop's id comes with the state)

  const ownHeading = h('h3', { id: 'own-link-heading' });
  const ownHint = h('p', { class: 'hint', id: 'own-link-hint' });
  const ownBtn = h('button', { type: 'button', class: 'secondary', id: 'own-link-copy', 'aria-describedby': 'own-link-hint',
    onclick: copyOwn });
  const ownStatus = createCopyStatus('own-link-status');
  // Only when copying by itself failed: then the link is shown, selected, to copy by hand.
  const ownField = createCopyField('own-link');
  ownField.el.hidden = true;

  const el = h('section', { class: 'panel', id: 'invite', 'aria-labelledby': 'invite-heading' }, heading,
    h('p', {}, codeLabel, ' ', code), qr, joinField.el, joining.el,
    displayHeading, displayKnown, displayUnknown,
    ownHeading, ownHint, h('p', {}, ownBtn, ' ', ownStatus.el), ownField.el);

  function openDisplay() {
    const opened = openWithToken('/d/', KEYS.display, tokenOfPath(displayPathKept));
    if (opened) displayProblem.clear();
    else displayProblem.show({ key: 'invite.displayBlocked' });
  }

  /** POST /api/workshops/{id}/display: a new display link, kept in this browser like the first one. */
  async function makeDisplayLink() {
    const id = ctx.state().workshop?.id;
    if (!id) return;
    await whileBusy(displayMakeBtn, displayUnknown, async () => {
      const data = await postJson(`/api/workshops/${encodeURIComponent(id)}/display`, {}, token);
      const path = safeDisplayPath(data?.links?.display);
      if (!path) throw { code: ERR.INTERNAL };
      rememberLinks(browserStorage(), id, { display: path });
      displayPathKept = path;
      update(ctx.state());
      displayField.input.focus();
      announce(t('invite.displayMade'));
    });
  }

  async function copyOwn() {
    const url = new URL(facilitatorPath(token), location.origin).href;
    const ok = await copyText(url);
    if (!ok) {
      ownField.update({ label: t('invite.ownLink'), value: url, copyLabel: t('invite.ownCopy') });
      ownField.el.hidden = false;
      ownField.input.focus();
      ownField.input.select();
    }
    ownStatus.say(ok);
  }

  let qrFor = null;
  function update(s) {
    const w = s.workshop ?? {};
    if (issued && w.joinCode !== issued.replaced) issued = null;
    const joinCode = shownJoinCode(w.joinCode, issued);
    setText(heading, t('invite.heading'));
    setText(codeLabel, t('create.code'));
    setText(code, joinCode);
    const joinUrl = new URL(joinPath(joinCode), location.origin).href;
    const src = w.id ? qrPath(w.id, joinCode) : null;
    if (src && src !== qrFor) qr.src = qrFor = src;
    qr.alt = t('display.qrAlt', { url: joinUrl });
    joinField.update({ label: t('invite.joinLink'), value: joinUrl, copyLabel: t('invite.copyJoin') });
    joining.update(s);

    if (displayPathKept === undefined && w.id) displayPathKept = recallLinks(browserStorage(), w.id)?.display ?? null;
    setText(displayHeading, t('invite.displayHeading'));
    displayKnown.hidden = !displayPathKept;
    displayUnknown.hidden = Boolean(displayPathKept) || displayPathKept === undefined;
    if (displayPathKept) {
      setText(displayHint, t('invite.displayHint'));
      setText(displayOpen, t('invite.displayOpen'));
      displayField.update({ label: t('invite.displayLink'), value: new URL(displayPathKept, location.origin).href,
        copyLabel: t('invite.copyDisplay') });
    }
    setText(displayUnknownNote, t('invite.displayUnknown'));
    setText(displayMakeBtn, t('invite.displayMake'));

    setText(ownHeading, t('invite.ownHeading'));
    setText(ownHint, t('invite.ownHint'));
    setText(ownBtn, t('invite.ownCopy'));
    if (!ownField.el.hidden) {
      ownField.update({ label: t('invite.ownLink'), value: new URL(facilitatorPath(token), location.origin).href,
        copyLabel: t('invite.ownCopy') });
    }
  }

  return { el, update, dialogs: [joining.dialog.el] };
}
