// Unit tests for storage.js (what this browser keeps, and forgetting a workshop): node --test web/js/
import { beforeEach, test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { Connection } from './connection.js';
import {
  KEYS, clearDraft, dropOtherTokens, drafts, forgetWorkshop, isWorkshopKey, keysIn, loadDraft, memoryStorage,
  personForCode, rememberLang, rememberPerson, rememberedLang, rememberedPeople,
  localStore, openWithToken, readJson, saveDraft, takePageToken, tokenKey, writeJson,
} from './storage.js';

// Forgetting seals a workshop for the rest of the page (module state): each test has tokens of its own.
let n = 0;
const fresh = () => `w3k9abcdefgh.AbC-d_e${++n}`;
let TOKEN;
let OTHER;
beforeEach(() => {
  TOKEN = fresh();
  OTHER = fresh();
});
const keys = (s) => keysIn(s).sort();

/** Everything the client writes for one participant of workshop w1 (and nothing else). */
function fillWorkshop(local, session, token, workshopId = 'w1') {
  const tk = tokenKey(token);
  local.setItem(KEYS.outbox(tk), JSON.stringify([{ ref: 'c-1', name: 'contribution.add', args: { text: 'unsent' } }]));
  local.setItem(KEYS.mine(tk), '["c1"]');
  local.setItem(KEYS.person(workshopId), JSON.stringify({ token, workshopId, joinCode: 'ABC234', title: 'T' }));
  local.setItem(KEYS.draft(tk, 'compose'), JSON.stringify({ text: `half a thought in ${workshopId}` }));
  local.setItem(KEYS.draft(tk, 'edit.c1'), '{"text":"an edit"}');
  local.setItem(KEYS.links(workshopId), '{"display":"/d/#x","savedAt":1}');
  session.setItem(KEYS.session, JSON.stringify({ token, joinCode: 'ABC234' }));
}

describe('forgetting a workshop', () => {
  test('every key the client writes for the workshop goes; the language and other workshops stay', () => {
    const local = memoryStorage();
    const session = memoryStorage();
    fillWorkshop(local, session, TOKEN);
    fillWorkshop(local, memoryStorage(), OTHER, 'w2');
    local.setItem(KEYS.lang, 'cy');
    local.setItem('not-ours', 'x');
    const removed = forgetWorkshop({ tokens: [TOKEN], workshopId: 'w1' }, [local, session]);
    assert.equal(removed.length, 7);
    assert.deepEqual(keys(session), []);
    const tk2 = tokenKey(OTHER);
    assert.deepEqual(keys(local), [KEYS.person('w2'), KEYS.draft(tk2, 'compose'), KEYS.draft(tk2, 'edit.c1'), KEYS.lang,
      KEYS.links('w2'), KEYS.mine(tk2), KEYS.outbox(tk2), 'not-ours'].sort());
    assert.ok(!JSON.stringify(keysIn(local).map((k) => local.getItem(k))).includes('half a thought in w1'));
  });

  test('a session slot goes only with its own token; the token itself never names a key', () => {
    const session = memoryStorage();
    session.setItem(KEYS.console, JSON.stringify({ token: OTHER }));
    session.setItem(KEYS.display, JSON.stringify({ token: TOKEN }));
    session.setItem(KEYS.session, '{not json');
    forgetWorkshop({ tokens: [TOKEN] }, [session]);
    assert.deepEqual(keys(session), [KEYS.console, KEYS.session].sort());
    for (const k of [KEYS.outbox, KEYS.mine, (t) => KEYS.draft(t, 'compose')]) {
      assert.ok(!k(tokenKey(TOKEN)).includes(TOKEN));
    }
  });

  test('a key added later that carries the token key or the workshop id as a part is forgotten too', () => {
    const local = memoryStorage();
    assert.equal(isWorkshopKey(local, `cg.someday.${tokenKey(TOKEN)}.x`, { tokens: [TOKEN] }), true);
    assert.equal(isWorkshopKey(local, 'cg.someday.w1', { workshopId: 'w1' }), true);
    assert.equal(isWorkshopKey(local, 'cg.someday.w10', { workshopId: 'w1' }), false, 'whole parts only');
    assert.equal(isWorkshopKey(local, `other.${tokenKey(TOKEN)}`, { tokens: [TOKEN] }), false, 'not ours');
    assert.equal(isWorkshopKey(local, KEYS.lang, { tokens: [TOKEN], workshopId: 'lang' }), true,
      'the rule is by parts: workshop ids are 12 random characters, never a word like this');
  });

  test('what a Connection stores for its token is forgotten with it', () => {
    const local = memoryStorage();
    const c = new Connection(TOKEN, { storage: local, url: 'ws://x/ws', WebSocket: class {} });
    c.send('contribution.add', { text: 'typed offline' }).catch(() => {});
    assert.ok(keysIn(local).some((k) => k.startsWith('cg.outbox.')));
    c.close();
    forgetWorkshop({ tokens: [TOKEN] }, [local]);
    assert.deepEqual(keysIn(local), []);
  });

  test('once forgotten, this page writes nothing of the workshop again (a late draft, a late outbox)', () => {
    const local = memoryStorage();
    const session = memoryStorage();
    const c = new Connection(TOKEN, { storage: local, url: 'ws://x/ws', WebSocket: class {} });
    const draft = KEYS.draft(tokenKey(TOKEN), 'compose');
    forgetWorkshop({ tokens: [TOKEN], workshopId: 'w9' }, [local, session]);
    c.send('contribution.add', { text: 'after leaving' }).catch(() => {});
    saveDraft(draft, 'after leaving');
    writeJson(local, KEYS.links('w9'), { display: '/d/#x' });
    writeJson(session, KEYS.session, { token: TOKEN });
    assert.deepEqual(keysIn(local), []);
    assert.deepEqual(keysIn(session), []);
    assert.equal(loadDraft(draft), '');
    writeJson(session, KEYS.session, { token: OTHER });
    assert.deepEqual(keysIn(session), [KEYS.session], 'the next person joins as usual');
    c.close();
  });

  test('storage that throws or is missing is not an error', () => {
    const broken = { get length() { throw new Error('denied'); }, key() { throw new Error('denied'); } };
    assert.deepEqual(forgetWorkshop({ tokens: [TOKEN] }, [broken]), []);
    assert.deepEqual(forgetWorkshop(null, [memoryStorage()]), []);
  });
});

test('no module but storage.js spells a storage key of its own', () => {
  const dir = new URL('.', import.meta.url);
  const files = [...readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => new URL(f, dir)),
    ...readdirSync(new URL('components/', dir)).map((f) => new URL(`components/${f}`, dir))];
  for (const f of files) {
    if (f.pathname.endsWith('/storage.js')) continue;
    assert.doesNotMatch(readFileSync(f, 'utf8'), /['"`]cg\.[a-z]/, `${f.pathname}: name keys in storage.js (KEYS)`);
  }
});

test('only storage.js touches the browser\'s storage: everything kept is named there', () => {
  const dir = new URL('.', import.meta.url);
  const files = [...readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => new URL(f, dir)),
    ...readdirSync(new URL('components/', dir)).map((f) => new URL(`components/${f}`, dir))];
  for (const f of files) {
    if (f.pathname.endsWith('/storage.js')) continue;
    assert.doesNotMatch(readFileSync(f, 'utf8'), /\b(local|session)Storage\.[a-zA-Z]/, `${f.pathname}: go through storage.js`);
  }
});

test('the interface language is kept as its bare code, so an earlier choice still counts', () => {
  const s = memoryStorage();
  assert.equal(rememberedLang(s), null);
  s.setItem('cg.lang', 'cy'); // as i18n.js kept it before
  assert.equal(rememberedLang(s), 'cy');
  assert.equal(rememberLang('en', s), true);
  assert.equal(s.getItem(KEYS.lang), 'en');
  const full = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('full'); } };
  assert.equal(rememberedLang(full), null);
  assert.equal(rememberLang('cy', full), false);
});

test('drafts are saved, loaded and cleared', () => {
  const k1 = KEYS.draft(tokenKey(TOKEN), 'compose');
  const k2 = KEYS.draft(tokenKey(OTHER), 'compose');
  assert.equal(loadDraft(k1), '');
  saveDraft(k1, 'half a thought');
  assert.equal(drafts.loadDraft(k1), 'half a thought');
  assert.equal(loadDraft(k2), '');
  clearDraft(k1);
  assert.equal(loadDraft(k1), '');
  drafts.saveDraft(k1, 'x');
  drafts.saveDraft(k1, '');
  assert.equal(loadDraft(k1), '');
});

describe('page tokens (console and display)', () => {
  function page(href) {
    const url = new URL(href);
    const calls = [];
    const loc = { href: url.href, hash: url.hash, pathname: url.pathname, search: url.search };
    const hist = { state: null, replaceState: (state, title, to) => calls.push(to) };
    return { loc, hist, calls };
  }

  test('a token in the fragment moves to sessionStorage and out of the address bar and history entry', () => {
    const storage = memoryStorage();
    const { loc, hist, calls } = page(`https://cg.example/f/#${encodeURIComponent(TOKEN)}`);
    assert.equal(takePageToken(KEYS.console, { location: loc, history: hist, storage }), TOKEN);
    assert.deepEqual(calls, ['/f/']);
    assert.deepEqual(readJson(storage, KEYS.console, null), { token: TOKEN });
  });

  test('a reload (no fragment) reads it back; a new link wins; a mangled one opens nothing', () => {
    const storage = memoryStorage();
    storage.setItem(KEYS.console, JSON.stringify({ token: TOKEN }));
    const reload = page('https://cg.example/f/');
    assert.equal(takePageToken(KEYS.console, { location: reload.loc, history: reload.hist, storage }), TOKEN);
    assert.deepEqual(reload.calls, [], 'nothing to take out');
    const other = page(`https://cg.example/f/#${OTHER}`);
    assert.equal(takePageToken(KEYS.console, { location: other.loc, history: other.hist, storage }), OTHER);
    const mangled = page('https://cg.example/d/?x=1#%E0%A4%A');
    assert.equal(takePageToken(KEYS.display, { location: mangled.loc, history: mangled.hist, storage }), '');
    assert.deepEqual(mangled.calls, ['/d/?x=1'], 'taken out of the address bar all the same');
    assert.equal(takePageToken(KEYS.display, { location: page('https://cg.example/d/').loc, history: mangled.hist, storage }), '');
  });

  test('a new tab gets the token through a copy of sessionStorage, which keeps nothing of it after', () => {
    const storage = memoryStorage();
    let seen = null;
    const win = openWithToken('/d/', KEYS.display, TOKEN, { storage, open: (url) => { seen = [url, storage.getItem(KEYS.display)]; return {}; } });
    assert.ok(win);
    assert.deepEqual(seen, ['/d/', JSON.stringify({ token: TOKEN })]);
    assert.equal(storage.getItem(KEYS.display), null);
    assert.equal(openWithToken('/d/', KEYS.display, TOKEN, { storage, open: () => null }), null, 'blocked');
    assert.equal(openWithToken('/d/', KEYS.display, TOKEN, { storage, open: () => { throw new Error('no'); } }), null);
    assert.equal(storage.getItem(KEYS.display), null);
  });

  test('the display keeps only its own token from the copy it started with', () => {
    const storage = memoryStorage();
    for (const k of [KEYS.console, KEYS.display, KEYS.session]) storage.setItem(k, JSON.stringify({ token: k }));
    dropOtherTokens(KEYS.display, storage);
    assert.deepEqual(keys(storage), [KEYS.display]);
  });
});

test('the post being written keeps its kind and anonymous tick with its words', () => {
  const k = KEYS.draft(tokenKey(TOKEN), 'compose');
  assert.deepEqual(drafts.loadComposeDraft(k), { text: '', kind: 'idea', anonymous: false });
  drafts.saveComposeDraft(k, { text: 'my mum waited', kind: 'story', anonymous: true });
  assert.deepEqual(drafts.loadComposeDraft(k), { text: 'my mum waited', kind: 'story', anonymous: true });
  // An empty box still keeps a chosen kind or tick: the person chose them before writing.
  drafts.saveComposeDraft(k, { text: '', kind: 'idea', anonymous: true });
  assert.deepEqual(drafts.loadComposeDraft(k), { text: '', kind: 'idea', anonymous: true });
  drafts.saveComposeDraft(k, { text: '', kind: 'idea', anonymous: false });
  assert.equal(localStore().getItem(k), null, 'a fresh box leaves nothing behind');
  // A draft saved as text only (before this) still loads.
  saveDraft(k, 'older draft');
  assert.deepEqual(drafts.loadComposeDraft(k), { text: 'older draft', kind: 'idea', anonymous: false });
  clearDraft(k);
});

describe('who this device is in a workshop', () => {
  // Workshop ids of their own: earlier tests sealed w1 and w2 for this page.
  let w1;
  let w2;
  beforeEach(() => { w1 = `p${++n}`; w2 = `p${++n}`; });

  test('remembered per workshop with its token, id, join code and title; listed and found by code', () => {
    const local = memoryStorage();
    rememberPerson({ token: TOKEN, workshopId: w1, joinCode: 'abc-234', title: 'Carers' }, local);
    rememberPerson({ token: OTHER, workshopId: w2, joinCode: 'XYZ789', title: 'Ward' }, local);
    rememberPerson({ token: '', workshopId: `${w2}y`, joinCode: 'QQQ222' }, local);
    assert.deepEqual(keys(local), [KEYS.person(w1), KEYS.person(w2)].sort());
    assert.deepEqual(rememberedPeople(local).map((p) => p.workshopId).sort(), [w1, w2].sort());
    assert.deepEqual(personForCode('ABC234', local), { token: TOKEN, workshopId: w1, joinCode: 'ABC234', title: 'Carers' });
    assert.equal(personForCode('abc-234', local)?.token, TOKEN, 'as typed or scanned');
    assert.equal(personForCode('ZZZ999', local), null);
    local.setItem(KEYS.person(`${w1}x`), '{broken');
    assert.equal(rememberedPeople(local).length, 2, 'a broken entry is skipped');
  });

  test('a new join code or title is written over the old; the token stays the person', () => {
    const local = memoryStorage();
    rememberPerson({ token: TOKEN, workshopId: w1, joinCode: 'ABC234', title: 'Carers' }, local);
    rememberPerson({ token: TOKEN, workshopId: w1, joinCode: 'NEW234', title: 'Carers group' }, local);
    assert.equal(personForCode('ABC234', local), null);
    assert.equal(personForCode('NEW234', local)?.title, 'Carers group');
  });

  test('leaving forgets them, by workshop id or by the token alone (a dead token before any welcome)', () => {
    const local = memoryStorage();
    rememberPerson({ token: TOKEN, workshopId: w1, joinCode: 'ABC234', title: 'A' }, local);
    rememberPerson({ token: OTHER, workshopId: w2, joinCode: 'XYZ789', title: 'B' }, local);
    forgetWorkshop({ tokens: [TOKEN] }, [local]);
    assert.deepEqual(rememberedPeople(local).map((p) => p.workshopId), [w2]);
    rememberPerson({ token: TOKEN, workshopId: w1, joinCode: 'ABC234', title: 'A' }, local);
    assert.deepEqual(rememberedPeople(local).map((p) => p.workshopId), [w2], 'this page never writes it back');
    forgetWorkshop({ workshopId: w2 }, [local]);
    assert.deepEqual(keysIn(local), []);
  });
});

test('workshops created here are listed newest first and forgotten with their workshop', async () => {
  const { rememberCreated, createdWorkshops, forgetWorkshop: forget, memoryStorage: mem } = await import('./storage.js');
  const st = mem();
  rememberCreated({ workshopId: 'series-m1', title: 'March', token: 'series-t1', createdAt: 1 }, st);
  rememberCreated({ workshopId: 'series-m2', title: 'April', token: 'series-t2', createdAt: 2 }, st);
  assert.deepEqual(createdWorkshops(st).map((w) => w.title), ['April', 'March']);
  forget({ tokens: ['series-t2'], workshopId: 'series-m2' }, [st]);
  assert.deepEqual(createdWorkshops(st).map((w) => w.workshopId), ['series-m1']);
});
