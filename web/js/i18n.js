// Interface language: one message catalogue per language (web/i18n/*.js), chosen per person and
// remembered on this device. English is complete and the fallback for anything missing.
import en from '../i18n/en.js';
import cy from '../i18n/cy.js';
import { rememberLang, rememberedLang } from './storage.js';

const CATALOGUES = { en, cy };
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'cy', name: 'Cymraeg' },
];
function pick() {
  const s = rememberedLang();
  if (s && CATALOGUES[s]) return s;
  const nav = (globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? 'en']);
  for (const l of nav) {
    const code = String(l).toLowerCase().split('-')[0];
    if (CATALOGUES[code]) return code;
  }
  return 'en';
}

let lang = pick();
const listeners = new Set();

export const getLang = () => lang;

/** Intl locale: the interface language, with the person's region when it matches. */
export function locale() {
  const nav = globalThis.navigator?.language ?? lang;
  return nav.toLowerCase().startsWith(lang) ? nav : lang === 'cy' ? 'cy-GB' : 'en-GB';
}

export function setLang(code) {
  if (!CATALOGUES[code] || code === lang) return;
  lang = code;
  rememberLang(code);
  document.documentElement.lang = code;
  applyI18n(document);
  for (const fn of listeners) fn(code);
}

export function onLangChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function lookup(cat, key) {
  return key.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), cat);
}

/**
 * t('phase.of', {n: 1, total: 3}). A plural message is an object keyed by Intl.PluralRules
 * category (Welsh uses zero, one, two, few, many, other), chosen by params.count.
 */
export function t(key, params = {}) {
  let m = lookup(CATALOGUES[lang], key);
  if (m == null) m = lookup(en, key);
  if (m == null) return key;
  if (typeof m === 'object') {
    const n = Number(params.count ?? 0);
    const cat = new Intl.PluralRules(lang).select(n);
    m = m[cat] ?? m.other ?? lookup(en, key)?.other ?? key;
  }
  return String(m).replace(/\{(\w+)\}/g, (all, k) => (params[k] == null ? all : String(params[k])));
}

/** Fills static markup: data-i18n="key" sets text; data-i18n-attr="aria-label:key;title:key". */
export function applyI18n(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      if (attr && key) el.setAttribute(attr.trim(), t(key.trim()));
    }
  }
}

export function formatTime(ms) {
  return new Intl.DateTimeFormat(locale(), { hour: 'numeric', minute: '2-digit' }).format(new Date(ms));
}

export function formatDateTime(ms) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

export function formatNumber(n, opts) {
  return new Intl.NumberFormat(locale(), opts).format(n);
}

/** "4:05" style minutes and seconds, for the countdown. */
export function formatDuration(ms) {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const nf = (x, d) => formatNumber(x, { minimumIntegerDigits: d, useGrouping: false });
  return h ? `${h}:${nf(m, 2)}:${nf(s, 2)}` : `${m}:${nf(s, 2)}`;
}
