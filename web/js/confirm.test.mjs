// Asking before something that cannot simply be taken back, in the page's own dialog (no
// window.confirm): what a person would notice is the question, which button has the focus, where
// the focus goes afterwards, and that nothing happens unless they said yes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installDom } from './fake-dom.mjs';

const doc = installDom();
const { h } = await import('./dom.js');
const { askToConfirm } = await import('./components/confirm.js');
const { setLang } = await import('./i18n.js');

const announcer = h('div', { id: 'announce' });
const mount = (...els) => { doc.body.replaceChildren(...els, announcer); return els[0]; };
const ask = (from, more = {}) => askToConfirm({ id: 'withdraw', title: 'Withdraw your post?',
  body: 'It will be removed for everyone.', yes: 'Withdraw it', no: 'Keep it', from, ...more });

test('askToConfirm: the question in a dialog, the safe choice focused; keeping it answers false and focus goes back', async () => {
  const opener = mount(h('button', { type: 'button' }, 'Withdraw'));
  opener.focus();
  const answer = ask(opener);
  const dialog = doc.getElementById('withdraw-dialog');
  assert.equal(dialog.open, true);
  assert.equal(dialog.getAttribute('aria-labelledby'), 'withdraw-dialog-title');
  assert.equal(doc.getElementById('withdraw-dialog-title').textContent, 'Withdraw your post?');
  assert.equal(doc.getElementById(dialog.getAttribute('aria-describedby')).textContent, 'It will be removed for everyone.');
  assert.equal(doc.activeElement.id, 'withdraw-cancel', 'the safe choice has the focus');
  assert.equal(doc.activeElement.textContent, 'Keep it');
  assert.equal(doc.getElementById('withdraw-confirm').textContent, 'Withdraw it');
  assert.equal(doc.getElementById('withdraw-confirm').className, 'danger');
  doc.activeElement.click();
  assert.equal(await answer, false);
  assert.equal(dialog.open, false);
  assert.equal(doc.activeElement, opener, 'focus is back where it was');
});

test('askToConfirm: Escape (the dialog closing by itself) answers false; the yes button answers true', async () => {
  const opener = mount(h('button', { type: 'button' }, 'Withdraw'));
  const first = ask(opener);
  doc.getElementById('withdraw-dialog').close(); // what Escape does to a native modal <dialog>
  assert.equal(await first, false);
  assert.equal(doc.activeElement, opener);

  const second = ask(opener);
  doc.getElementById('withdraw-confirm').click();
  assert.equal(await second, true);
  assert.equal(doc.getElementById('withdraw-dialog').open, false);
});

test('askToConfirm: one dialog per kind, however many things can ask it; a second question over an open one is no', async () => {
  const a = h('button', { type: 'button' }, 'Withdraw');
  const b = h('button', { type: 'button' }, 'Withdraw');
  mount(a, b);
  const first = ask(a);
  assert.equal(await ask(b), false, 'modal: nothing is asked over it');
  doc.getElementById('withdraw-cancel').click();
  await first;
  const again = ask(b, { title: 'Delete the theme “transport”?', danger: false, note: 'This cannot be undone.' });
  assert.equal(doc.querySelectorAll('dialog').length, 1);
  assert.equal(doc.getElementById('withdraw-dialog-title').textContent, 'Delete the theme “transport”?');
  assert.equal(doc.getElementById('withdraw-confirm').className, '', 'not `danger` when asked not to be');
  assert.equal(doc.getElementById('withdraw-dialog').getAttribute('aria-describedby'), 'withdraw-dialog-text withdraw-dialog-note',
    'the note is read with the question');
  assert.equal(doc.getElementById('withdraw-dialog-note').hidden, false);
  doc.getElementById('withdraw-confirm').click();
  assert.equal(await again, true);

  const plain = ask(a);
  assert.equal(doc.getElementById('withdraw-dialog-note').hidden, true, 'no note left over from the last question');
  assert.equal(doc.getElementById('withdraw-dialog').getAttribute('aria-describedby'), 'withdraw-dialog-text');
  doc.getElementById('withdraw-cancel').click();
  await plain;
});

test('askToConfirm: someone\'s own words are shown as text, in their language, and read with the question', async () => {
  const opener = mount(h('button', { type: 'button' }, 'Withdraw'));
  const answer = ask(opener, { quote: '<b>Mae’r bws yn hwyr</b>', quoteLang: 'cy' });
  const quote = doc.getElementById('withdraw-dialog-quote');
  assert.equal(quote.hidden, false);
  assert.equal(quote.textContent, '<b>Mae’r bws yn hwyr</b>');
  assert.equal(quote.children.length, 0, 'text, never markup');
  assert.equal(quote.getAttribute('lang'), 'cy');
  assert.equal(doc.getElementById('withdraw-dialog').getAttribute('aria-describedby'), 'withdraw-dialog-quote withdraw-dialog-text');
  doc.getElementById('withdraw-cancel').click();
  await answer;
  const next = ask(opener, { quote: 'Taxis will not take wheelchairs' });
  assert.equal(quote.hasAttribute('lang'), false, 'unknown language: the page\'s');
  doc.getElementById('withdraw-cancel').click();
  await next;
  const none = ask(opener);
  assert.equal(quote.hidden, true, 'no quote left over from the last question');
  doc.getElementById('withdraw-cancel').click();
  await none;
});

test('askToConfirm with run: a failure is shown inside the dialog, which stays open; success closes it onto `after`', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const opener = h('button', { type: 'button' }, 'End');
  const heading = h('h2', { tabindex: '-1' }, 'Reports and ending');
  mount(heading, opener);
  let fail = true;
  const runs = [];
  const answer = askToConfirm({ id: 'end', title: 'End it?', body: 'Nobody can post after this.', yes: 'End it', no: 'Cancel',
    from: opener, after: heading,
    run: async () => { runs.push('end'); if (fail) throw { code: 'NETWORK' }; } });
  const dialog = doc.getElementById('end-dialog');
  doc.getElementById('end-confirm').click();
  await new Promise(setImmediate);
  t.mock.timers.tick(50);
  assert.equal(dialog.open, true, 'still open: the problem is where the choice was made');
  assert.notEqual(doc.getElementById('end-dialog-error').textContent, '');
  assert.equal(doc.getElementById('end-dialog-error').getAttribute('role'), 'alert');
  assert.equal(doc.getElementById('end-confirm').disabled, false, 'they can try again');
  fail = false;
  doc.getElementById('end-confirm').click();
  assert.equal(await answer, true);
  assert.deepEqual(runs, ['end', 'end']);
  assert.equal(dialog.open, false);
  assert.equal(doc.activeElement, heading);
  assert.equal(doc.getElementById('end-dialog-error').textContent, '', 'no old problem when it opens again');
});

test('askToConfirm with run: closed with Escape while it ran, then asked again, the old run does not answer the new question', async () => {
  const opener = mount(h('button', { type: 'button' }, 'End'));
  let finish;
  const first = askToConfirm({ id: 'end', title: 'End it?', body: 'Nobody can post after this.', yes: 'End it', no: 'Cancel',
    from: opener, run: () => new Promise((r) => { finish = r; }) });
  doc.getElementById('end-confirm').click();
  doc.getElementById('end-dialog').close(); // Escape while it is being sent
  assert.equal(await first, false);
  const second = askToConfirm({ id: 'end', title: 'End it?', body: 'Nobody can post after this.', yes: 'End it', no: 'Cancel',
    from: opener, run: async () => {} });
  finish();
  await new Promise(setImmediate);
  assert.equal(doc.getElementById('end-dialog').open, true, 'the new question is still asked');
  assert.equal(doc.getElementById('end-cancel').disabled, false, 'its buttons work: the old run left nothing busy');
  assert.equal(doc.getElementById('end-confirm').disabled, false);
  doc.getElementById('end-cancel').click();
  assert.equal(await second, false);
});

test('going back a part asks first, in the console language; only "Go back" sends it', async () => {
  const { createAgenda } = await import('./components/agenda.js');
  const sent = [];
  const state = { workshop: { status: 'running' }, phase: { index: 1, status: 'running' },
    phases: [{ title: 'Hopes', minutes: 5 }, { title: 'Ideas', minutes: 10 }, { title: 'Next steps', minutes: 5 }] };
  const agenda = createAgenda({ conn: { state, send: async (name, args) => { sent.push([name, args]); return {}; } } });
  mount(agenda.controls ?? agenda.el, agenda.el);
  agenda.update(state);
  const prev = doc.getElementById('phase-prev');
  assert.equal(prev.getAttribute('aria-haspopup'), 'dialog');
  prev.focus();
  prev.click();
  assert.equal(doc.getElementById('back-dialog-title').textContent, 'Go back to “Hopes”?');
  assert.equal(doc.activeElement.id, 'back-cancel');
  assert.equal(doc.activeElement.textContent, 'Stay on this part');
  doc.activeElement.click();
  await new Promise(setImmediate);
  assert.deepEqual(sent, [], 'stayed: nothing sent');
  assert.equal(doc.activeElement, prev);

  setLang('cy');
  try {
    agenda.update(state);
    prev.click();
    assert.equal(doc.getElementById('back-dialog-title').textContent, 'Mynd yn ôl i “Hopes”?');
    assert.equal(doc.getElementById('back-confirm').textContent, 'Mynd yn ôl');
    doc.getElementById('back-confirm').click();
    await new Promise(setImmediate);
    assert.deepEqual(sent, [['phase.prev', { from: 1 }]]);
  } finally {
    setLang('en');
  }
});

test('every question these dialogs ask is in English and Welsh, with buttons that say what happens', async () => {
  const { default: en } = await import('../i18n/en.js');
  const { default: cy } = await import('../i18n/cy.js');
  const keys = [['card', 'withdraw'], ['ws', 'leave'], ['agenda', 'back'], ['themes', 'delete']];
  for (const [group, k] of keys) {
    for (const part of ['Title', 'Confirm', 'Yes', 'No']) {
      assert.ok(en[group][`${k}${part}`], `en ${group}.${k}${part}`);
      assert.ok(cy[group][`${k}${part}`], `cy ${group}.${k}${part}`);
    }
    assert.match(en[group][`${k}Title`], /\?$/, 'the title is the question');
    assert.doesNotMatch(en[group][`${k}Yes`], /^(OK|Yes)$/i, 'the button says what happens');
  }
});
