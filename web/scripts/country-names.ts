/**
 * Writes web/src/country-names.json: the Chinese name of every ISO 3166-1
 * alpha-3 code in both scripts, from one source. 简体中文 is the `zh`
 * catalogue of i18n-iso-countries (ISO 3166 Chinese short names); 繁體中文 is
 * the same name converted character by character to Traditional script with
 * OpenCC (`cn` → `t`: script only, no regional vocabulary), so the two
 * scripts always name a state the same way. docs/web.md explains the choice.
 *
 * Run: `npx tsx web/scripts/country-names.ts` (test/web/country-names.test.ts
 * checks that the committed file is what this writes).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import * as OpenCC from 'opencc-js';

/** `{alpha3: [simplified, traditional]}`, sorted by code. */
export function chineseCountryNames(): Record<string, [string, string]> {
  countries.registerLocale(zh);
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
  const out: Record<string, [string, string]> = {};
  for (const alpha3 of Object.keys(countries.getAlpha3Codes()).sort()) {
    const name = countries.getName(alpha3, 'zh');
    if (name) out[alpha3] = [name, toTraditional(name)];
  }
  return out;
}

export const COUNTRY_NAMES_FILE = fileURLToPath(new URL('../src/country-names.json', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(COUNTRY_NAMES_FILE, `${JSON.stringify(chineseCountryNames(), null, 1)}\n`);
}
