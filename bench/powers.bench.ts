/**
 * National power and the default world: parsing the reference bundle,
 * building the default world of a year, CINC for one year and for all years
 * 1816–2016, and the full ranking (`concert powers`).
 */
import { readFileSync } from 'node:fs';
import type { Bench } from 'tinybench';
import { cincFromComponents, cincScores, powerRanking } from '../src/models/powers/index.js';
import { buildDefaultWorld, loadDefaultWorld, loadWorldInputs } from '../src/world/index.js';
import { WORLD_INPUTS_PATH } from '../src/world/inputs.js';

export default function powers(bench: Bench): void {
  const inputs = loadWorldInputs();
  const world2016 = loadDefaultWorld({ year: 2016 });
  const rowsByYear = new Map<number, (number | null)[][]>();
  for (const row of inputs.nmc) {
    const list = rowsByYear.get(row[1]) ?? [];
    rowsByYear.set(row[1], list);
    list.push(row.slice(2, 8) as (number | null)[]);
  }
  bench
    .add('read + JSON.parse the reference bundle (data/derived/world-inputs.json, 1.9 MB)', () => {
      JSON.parse(readFileSync(WORLD_INPUTS_PATH, 'utf8'));
    })
    .add('build the default world of 2016 (195 actors, 4,293 relations; bundle in memory)', () => {
      buildDefaultWorld(2016);
    })
    .add('build the default world of 1913 (44 actors)', () => {
      buildDefaultWorld(1913);
    })
    .add('CINC of 2016 from the world (195 states)', () => {
      cincScores(world2016);
    })
    .add('CINC of every state-year 1816–2016 (15,951 rows, 201 systems)', () => {
      for (const rows of rowsByYear.values()) cincFromComponents(rows);
    })
    .add('powerRanking 2016, CINC (shares, natural breaks, concentration)', () => {
      powerRanking(world2016);
    })
    .add('powerRanking 2016, composite index', () => {
      powerRanking(world2016, { index: 'composite' });
    });
}
