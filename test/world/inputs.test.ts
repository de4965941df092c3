import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveWorldInputs, serializeWorldInputs } from '../../src/world/derive-inputs.js';
import { WORLD_INPUTS_PATH } from '../../src/world/inputs.js';

describe('the reference-data bundle', () => {
  const inputs = deriveWorldInputs();

  it('is exactly what deriving it from the CSV files in data/ gives (rebuild: npx tsx src/world/derive-inputs.ts)', () => {
    const shipped = readFileSync(WORLD_INPUTS_PATH, 'utf8');
    const derived = serializeWorldInputs(inputs);
    expect(derived === shipped).toBe(true);
  });

  it('keeps every NMC state-year and every ATOP directed dyad-year', () => {
    expect(inputs.nmc).toHaveLength(15_951);
    const atopDyadYears = inputs.atop.reduce((n, [, , first, last]) => n + last - first + 1, 0);
    expect(atopDyadYears).toBe(273_296);
    expect(inputs.cowAllianceLastYear).toBe(2012);
    expect(inputs.midLastYear).toBe(2014);
    expect(inputs.rivalryLastYear).toBe(2010);
  });
});
