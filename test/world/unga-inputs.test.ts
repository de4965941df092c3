import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveUngaInputs, serializeUngaInputs } from '../../src/world/derive-unga.js';
import { idealPoint, loadUngaInputs, UNGA_INPUTS_PATH, ungaYearRange } from '../../src/world/unga-inputs.js';

describe('the UN General Assembly bundle', () => {
  it('is exactly what deriving it from the CSV files in data/ gives (rebuild: npx tsx src/world/derive-unga.ts)', () => {
    const derived = serializeUngaInputs(deriveUngaInputs());
    expect(derived === readFileSync(UNGA_INPUTS_PATH, 'utf8')).toBe(true);
  });

  it('keeps every one of the 870,109 votes, one character per state and roll call', () => {
    const unga = loadUngaInputs();
    let votes = 0;
    let rollCalls = 0;
    for (const y of Object.values(unga.years)) {
      rollCalls += y.rollCalls;
      for (const v of y.votes) {
        expect(v).toHaveLength(y.rollCalls);
        votes += v.replace(/\./g, '').length;
      }
    }
    expect(votes).toBe(870_109);
    expect(rollCalls).toBe(6_203);
    expect(ungaYearRange(unga)).toEqual({ first: 1946, last: 2020 });
    expect(unga.years['1964']).toBeUndefined();
  });

  it('gives the China seat to the Republic of China (COW 713) until 1971 and to the PRC (710) from 1971', () => {
    const unga = loadUngaInputs();
    expect(unga.years['1960']!.members).toContain(713);
    expect(unga.years['1960']!.members).not.toContain(710);
    expect(unga.years['1980']!.members).toContain(710);
    expect(unga.years['1980']!.members).not.toContain(713);
  });

  it('keeps the Bailey–Strezhnev–Voeten ideal points by COW code (USA 1946: 1.8878)', () => {
    expect(idealPoint(loadUngaInputs(), 2, 1946)).toBeCloseTo(1.8877739906311, 12);
    expect(idealPoint(loadUngaInputs(), 2, 1815)).toBeNull();
  });
});
