/**
 * models/economy: PPML (IRLS with robust standard errors) on the full Santos
 * Silva & Tenreyro (2006) replication sample (18,360 pairs, 15 coefficients;
 * target under 500 ms), log-linear OLS on the same, every dyadic measure
 * (dependence, weak link, Barbieri) of the 2014 state system (195 states,
 * 18,915 dyads; target under 50 ms), the trade table they read, ACR gains of
 * every state, and the 7-player gains-from-trade game with its Shapley value.
 * Data are loaded once, outside the timed tasks.
 */
import { readFileSync } from 'node:fs';
import type { Bench } from 'tinybench';
import { shapleyValue } from '../src/models/coalitions/index.js';
import {
  dyadicMeasures,
  gainsFromTradeGame,
  gainsOfTable,
  gravity,
  parseDataFrame,
  parseFormula,
  tradeTableOfWorld,
} from '../src/models/economy/index.js';
import { loadDefaultWorld } from '../src/world/index.js';

export default function economyBench(bench: Bench): void {
  const frame = parseDataFrame(
    readFileSync(new URL('../data/sst2006_log_of_gravity_table3.csv', import.meta.url), 'utf8'),
    'sst2006_log_of_gravity_table3.csv',
  );
  const table3 = parseFormula(
    'trade ~ lypex + lypim + lyex + lyim + ldist + border + comlang + colony + landl_ex + landl_im + lremot_ex + lremot_im + comfrt_wto + open_wto',
  );
  const world = loadDefaultWorld({ year: 2014 });
  const all = tradeTableOfWorld(world);
  const majors = tradeTableOfWorld(world, ['USA', 'GBR', 'FRA', 'DEU', 'RUS', 'CHN', 'JPN']);
  bench
    .add('PPML, SST 2006 Table 3 (18,360 obs, 15 coefficients)', () => {
      gravity(frame, table3, { method: 'ppml' });
    })
    .add('log-linear OLS, SST 2006 Table 3 (9,613 obs)', () => {
      gravity(frame, table3, { method: 'ols' });
    })
    .add('all dyadic measures, 2014 system (195 states, 18,915 dyads)', () => {
      dyadicMeasures(all);
    })
    .add('trade table of the 2014 world + all dyadic measures', () => {
      dyadicMeasures(tradeTableOfWorld(world));
    })
    .add('ACR gains of every state, 2014', () => {
      gainsOfTable(all, 5);
    })
    .add('gains-from-trade game of the 7 major powers + Shapley value', () => {
      shapleyValue(gainsFromTradeGame(majors, 5));
    });
}
