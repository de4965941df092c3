import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  deriveEconomyInputs,
  serializeDyadicTrade,
  serializeEconomyInputs,
} from '../../src/world/derive-economy.js';
import {
  ECONOMY_INPUTS_PATH,
  loadDyadicTrade,
  loadEconomyInputs,
  TRADE_DYADIC_PATH,
} from '../../src/world/economy-inputs.js';

describe('the economic bundle', () => {
  const { inputs, dyadic } = deriveEconomyInputs();

  it('is exactly what deriving it from the files in data/ gives (rebuild: npx tsx src/world/derive-economy.ts)', () => {
    expect(serializeEconomyInputs(inputs) === readFileSync(ECONOMY_INPUTS_PATH, 'utf8')).toBe(true);
    expect(serializeDyadicTrade(dyadic) === readFileSync(TRADE_DYADIC_PATH, 'utf8')).toBe(true);
  });

  it('keeps every COW dyad-year (673,654 rows, 1870–2014) and the shared file’s content', () => {
    let rows = 0;
    for (const flat of dyadic.values()) rows += flat.length / 4;
    expect(rows).toBe(673_654);
    expect([inputs.tradeFirstYear, inputs.tradeLastYear]).toEqual([1870, 2014]);
    expect(inputs.sources['cow_trade_dyadic_v4.0_ndy_abridged.csv']).toBe(
      'c64c45e61f7eda915b032654b254ec004ca901c6fb9cbfc3dbdce0ac9f013ad9',
    );
  });

  it('reads a year on demand: USA–CHN 2014 as in data/SOURCES.md (flow1 472,525, flow2 183,283)', () => {
    const flat = loadDyadicTrade(2014)!;
    let found: (number | null)[] | undefined;
    for (let k = 0; k < flat.length; k += 4)
      if (flat[k] === 2 && flat[k + 1] === 710) found = flat.slice(k, k + 4) as (number | null)[];
    expect(found).toEqual([2, 710, 472_525, 183_283]);
    expect(loadDyadicTrade(1869)).toBeNull();
    expect(loadDyadicTrade(2015)).toBeNull();
  });

  it('maps Maddison entities to actor ids, splicing the USSR and Russia for RUS', () => {
    const gdp = loadEconomyInputs().maddisonGdp;
    const rus = new Map(gdp.RUS);
    // Former USSR up to 1991, Russian Federation from 1992: a break, as in COW's state 365.
    expect(rus.get(1991)! / rus.get(1992)!).toBeGreaterThan(1.5);
    expect(new Map(gdp.CHN).get(2014)).toBe(16_220_856_758_000);
    expect(gdp.World).toBeUndefined();
  });
});
