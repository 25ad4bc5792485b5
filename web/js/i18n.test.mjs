// The message catalogues: every key the interface uses is in English, and Welsh has them all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import en from '../i18n/en.js';
import cy from '../i18n/cy.js';

const here = dirname(fileURLToPath(import.meta.url));
const PLURAL = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
const isPlural = (v) => v && typeof v === 'object' && Object.keys(v).every((k) => PLURAL.has(k));

function leaves(obj, prefix = '', out = new Map()) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string' || isPlural(v)) out.set(key, v);
    else leaves(v, key, out);
  }
  return out;
}

const enKeys = leaves(en);
const cyKeys = leaves(cy);

test('Welsh has every English message, with the same placeholders', () => {
  const missing = [...enKeys.keys()].filter((k) => !cyKeys.has(k));
  assert.deepEqual(missing, []);
  for (const [k, v] of enKeys) {
    const text = (m) => (typeof m === 'string' ? m : m.other);
    const ph = (s) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((x) => x !== 'count').sort();
    assert.deepEqual(ph(text(cyKeys.get(k))), ph(text(v)), `placeholders of ${k}`);
    if (isPlural(v)) assert.ok(v.other && cyKeys.get(k).other, `${k} has an "other" form`);
  }
});

test('every literal key used by the views is in the English catalogue', () => {
  const files = [
    ...readdirSync(here).filter((f) => f.endsWith('.js')).map((f) => join(here, f)),
    ...readdirSync(join(here, 'components')).map((f) => join(here, 'components', f)),
  ];
  const html = readdirSync(join(here, '..')).filter((f) => f.endsWith('.html')).map((f) => join(here, '..', f));
  const used = new Set();
  for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]);
  for (const f of html) for (const m of readFileSync(f, 'utf8').matchAll(/data-i18n="([^"]+)"/g)) used.add(m[1]);
  const missing = [...used].filter((k) => !enKeys.has(k));
  assert.deepEqual(missing, []);
  assert.ok(used.size > 100);
});

test('every error code, kind, group, reaction and phase status has words', () => {
  for (const c of ['FORBIDDEN', 'PHASE_CLOSED', 'LIMIT', 'NOT_FOUND', 'INVALID', 'INTERNAL', 'RATE_LIMITED', 'ENDED', 'NETWORK']) {
    assert.ok(enKeys.has(`errors.${c}`), c);
  }
  for (const k of ['idea', 'question', 'takeaway', 'parking']) assert.ok(enKeys.has(`kinds.${k}`));
  for (const s of ['pending', 'running', 'paused', 'done', 'lobby']) assert.ok(enKeys.has(`phase.status.${s}`));
  for (const s of ['connecting', 'online', 'reconnecting', 'offline']) assert.ok(enKeys.has(`conn.${s}`));
});
