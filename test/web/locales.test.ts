/**
 * The web lab's three catalogues (web/src/locales) have the same keys, the
 * same interpolation variables per key, and no empty strings; and every key
 * the views use literally is in the catalogues.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/scenario/schema.js';

const LOCALES = join(import.meta.dirname, '../../web/src/locales');
const SOURCES = join(import.meta.dirname, '../../web/src');
type Catalogue = { [key: string]: string | Catalogue };

function load(lang: string): Catalogue {
  return JSON.parse(readFileSync(join(LOCALES, `${lang}.json`), 'utf8')) as Catalogue;
}

function flatten(c: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    const key = prefix === '' ? k : `${prefix}.${k}`;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const variables = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const en = flatten(load('en'));
const others = ['zh-Hans', 'zh-Hant'] as const;

describe('web locale catalogues', () => {
  it('ships exactly en, zh-Hans and zh-Hant', () => {
    expect(readdirSync(LOCALES).sort()).toEqual(['en.json', 'zh-Hans.json', 'zh-Hant.json']);
  });

  it.each(others)('%s has the same keys as en', (lang) => {
    const keys = [...flatten(load(lang)).keys()].sort();
    expect(keys).toEqual([...en.keys()].sort());
  });

  it.each(others)('%s uses the same {{variables}} as en in every message', (lang) => {
    const other = flatten(load(lang));
    const mismatched = [...en].filter(
      ([k, v]) => variables(v).join() !== variables(other.get(k) ?? '').join(),
    );
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it.each(['en', ...others])('%s has no empty messages', (lang) => {
    const empty = [...flatten(load(lang))].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(others)('%s is translated: its messages contain Chinese characters', (lang) => {
    const other = flatten(load(lang));
    const untranslated = [...other]
      .filter(([k]) => !k.startsWith('language.') && k !== 'app.title')
      .filter(([, v]) => !/\p{Script=Han}/u.test(v) && /[a-z]{3,}/i.test(v.replace(/\{\{\w+\}\}/g, '')))
      .map(([k]) => k);
    expect(untranslated).toEqual([]);
  });

  it('every view of the registry has its navigation label, help text and terms, and document titles', () => {
    const registry = readFileSync(join(SOURCES, 'views/registry.ts'), 'utf8');
    const views = [...registry.matchAll(/id: '([\w-]+)'/g)].map((m) => m[1] as string);
    const docs = [...registry.matchAll(/'docs\/(?:models\/)?([\w-]+)'/g)].map((m) => m[1] as string);
    expect(views.length).toBeGreaterThanOrEqual(8);
    const missing = [
      ...views.flatMap((v) => [`nav.${v}`, `help.${v}.text`]),
      ...docs.map((d) => `docs.${d}`),
    ].filter((k) => !en.has(k));
    expect(missing).toEqual([]);
    for (const v of views)
      expect([...en.keys()].filter((k) => k.startsWith(`help.${v}.terms.`)).length).toBeGreaterThan(1);
  });

  it('every problem family, event type and indicator has its message', () => {
    const problems = readFileSync(join(SOURCES, 'problems.tsx'), 'utf8');
    const families = [...problems.matchAll(/key: '(\w+)'/g)].map((m) => `problem.${m[1]}`);
    const events = EVENT_TYPES.map((e) => `event.${e}`);
    const indicators = [...en.keys()].filter(
      (k) => k.startsWith('indicator.') && k !== 'indicator.ofState' && k !== 'indicator.ofDyad',
    );
    const units = indicators.map((k) => k.replace('indicator.', 'unit.'));
    expect(families.length).toBeGreaterThan(10);
    expect([...families, ...events, ...units].filter((k) => !en.has(k))).toEqual([]);
  });

  it('every literal key used by the views exists', () => {
    const files = readdirSync(SOURCES, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.tsx'),
    );
    const used = new Set<string>();
    for (const f of files) {
      const text = readFileSync(join(SOURCES, f), 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([\w.-]+)'/g)) used.add(m[1] as string);
      for (const m of text.matchAll(/\?\s*'([a-z]+\.[\w.]+)'\s*:\s*'([a-z]+\.[\w.]+)'/g)) {
        used.add(m[1] as string);
        used.add(m[2] as string);
      }
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !en.has(k))).toEqual([]);
  });
});
