/**
 * One Chinese country-name list for both scripts (web/src/country-names.json,
 * written by web/scripts/country-names.ts): the committed file is what the
 * script writes, every entry has both scripts, and the Traditional name is
 * the Simplified one in Traditional characters (same name, other script).
 */
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { COUNTRY_NAMES_FILE, chineseCountryNames } from '../../web/scripts/country-names.js';

const committed = JSON.parse(readFileSync(COUNTRY_NAMES_FILE, 'utf8')) as Record<string, [string, string]>;

describe('Chinese country names', () => {
  it('the committed list is what web/scripts/country-names.ts writes', () => {
    expect(committed).toEqual(chineseCountryNames());
  });

  it('names every ISO 3166 state the lab shows, in both scripts, the same name in each', () => {
    const back = OpenCC.Converter({ from: 't', to: 'cn' });
    for (const id of [
      'CHN',
      'USA',
      'RUS',
      'GBR',
      'FRA',
      'KOR',
      'PRK',
      'JPN',
      'DEU',
      'IND',
      'PAK',
      'ISR',
      'IRN',
    ]) {
      const [hans, hant] = committed[id]!;
      expect(hans).toMatch(/\p{Script=Han}/u);
      expect(back(hant)).toBe(hans);
    }
    expect(committed.KOR).toEqual(['韩国', '韓國']);
    expect(committed.USA).toEqual(['美国', '美國']);
  });
});
