/**
 * The embedded default world: the international system of one year
 * 1816–2016 built from the reference data shipped in `data/` (COW NMC v6.0,
 * COW State System and Major Powers v2016, ATOP v5.1, COW alliances v4.1,
 * COW MID v5.0, Thompson–Dreyer rivalries, World Bank WDI). docs/world.md
 * describes every rule used here.
 */
import { ConcertError } from '../core/errors.js';
import { withDefaultForces } from './default-forces.js';
import { withDefaultTrade } from './default-trade.js';
import { deriveRelations } from './default-relations.js';
import { type CowDate, type CrosswalkEntry, loadWorldInputs, type WorldInputs } from './inputs.js';
import { loadUngaInputs } from './unga-inputs.js';
import type { Actor, Capabilities, World } from './schema.js';

/** The default year (the last year of COW NMC v6.0). */
export const DEFAULT_YEAR = 2016;
/** Years the embedded data cover. */
export const FIRST_YEAR = 1816;
/** Last year of the embedded data (COW NMC v6.0 ends in 2016). */
export const LAST_YEAR = 2016;

/**
 * Permanent members of the UN Security Council by COW code and the years in
 * which the COW state held the seat (a state holds it in a year if it held it
 * on any day of that year, the COW state-year convention). The Charter
 * entered into force on 24 October 1945. The China seat was held by the
 * government of the Republic of China until 25 October 1971 and by the
 * People's Republic of China from then (UN General Assembly resolution 2758).
 * COW codes that government as 710 until 1949 and as 713 (Taiwan) from 1949,
 * and the PRC as 710 from 1949; the flag follows the COW state that held the
 * seat. The Russian Federation continued the USSR's seat in December 1991;
 * COW 365 covers both.
 */
export const UNSC_PERMANENT_SEATS: readonly { ccode: number; from: number; to: number }[] = [
  { ccode: 2, from: 1945, to: LAST_YEAR },
  { ccode: 200, from: 1945, to: LAST_YEAR },
  { ccode: 220, from: 1945, to: LAST_YEAR },
  { ccode: 365, from: 1945, to: LAST_YEAR },
  { ccode: 710, from: 1945, to: 1949 },
  { ccode: 713, from: 1949, to: 1971 },
  { ccode: 710, from: 1971, to: LAST_YEAR },
];

function coversYear(start: CowDate, end: CowDate, year: number): boolean {
  return start[0] <= year && year <= end[0];
}

/** The crosswalk entry of a COW state in a year (its name in that era). */
export function crosswalkEntry(inputs: WorldInputs, ccode: number, year: number): CrosswalkEntry | undefined {
  let fallback: CrosswalkEntry | undefined;
  for (const e of inputs.crosswalk) {
    if (e.ccode !== ccode) continue;
    if (e.fromYear <= year && year <= e.toYear) return e;
    fallback ??= e;
  }
  return fallback;
}

interface InputsIndex {
  /** year → COW code → the NMC values after ccode and year. */
  readonly nmcByYear: ReadonlyMap<number, ReadonlyMap<number, (number | null)[]>>;
}

const indexes = new WeakMap<WorldInputs, InputsIndex>();

/** Lookup tables over the bundle, built once per bundle (building a year then avoids scanning all 15,951 NMC rows). */
function indexOf(inputs: WorldInputs): InputsIndex {
  let index = indexes.get(inputs);
  if (!index) {
    const nmcByYear = new Map<number, Map<number, (number | null)[]>>();
    for (const row of inputs.nmc) {
      const byCcode = nmcByYear.get(row[1]) ?? new Map<number, (number | null)[]>();
      nmcByYear.set(row[1], byCcode);
      byCcode.set(row[0], row.slice(2) as (number | null)[]);
    }
    index = { nmcByYear };
    indexes.set(inputs, index);
  }
  return index;
}

function isLastEra(inputs: WorldInputs, entry: CrosswalkEntry): boolean {
  return !inputs.crosswalk.some((e) => e.ccode === entry.ccode && e.fromYear > entry.toYear);
}

function worldBankValue(series: WorldInputs['wbGdpUsd'], code: string, year: number): number | null {
  const s = series[code];
  if (!s) return null;
  return s.values[year - s.firstYear] ?? null;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new ConcertError('bad-input', [
      {
        path: ['year'],
        message: `no embedded data for year ${year}: expected a whole year from ${FIRST_YEAR} to ${LAST_YEAR}`,
      },
    ]);
  }
}

/**
 * Builds the default world of `year` (1816–2016) from the reference data.
 *
 * Actors: every COW system member of the year, id from the COW→ISO crosswalk
 * (data/cow_iso3_crosswalk.csv), its six NMC components (−9 → null), COW's
 * published CINC, COW major-power status (a state is a major power in a year
 * if COW lists it as one on any day of that year), UN Security Council
 * permanent membership ({@link UNSC_PERMANENT_SEATS}), and World Bank GDP
 * (current US$) and population where the World Bank reports the present-day
 * state and the COW state carries its present-day name (else null).
 * Relations: {@link deriveRelations}.
 */
export function buildDefaultWorld(year: number = DEFAULT_YEAR): World {
  checkYear(year);
  const inputs = loadWorldInputs();
  const members = inputs.system[String(year)] ?? [];
  const nmcByCcode = indexOf(inputs).nmcByYear.get(year) ?? new Map<number, (number | null)[]>();
  const actors: Record<string, Actor> = {};
  const idOf = new Map<number, string>();
  for (const ccode of members) {
    const entry = crosswalkEntry(inputs, ccode, year);
    if (!entry) {
      throw new ConcertError('internal', [
        { message: `COW state ${ccode} has no entry in data/cow_iso3_crosswalk.csv` },
      ]);
    }
    const nmc = nmcByCcode.get(ccode);
    const capabilities: Capabilities | undefined = nmc
      ? {
          milexThousands: nmc[0] ?? null,
          milperThousands: nmc[1] ?? null,
          ironSteelKt: nmc[2] ?? null,
          energyKtCoalEq: nmc[3] ?? null,
          totalPopulationThousands: nmc[4] ?? null,
          urbanPopulationThousands: nmc[5] ?? null,
        }
      : undefined;
    const wbCode = entry.wbCode ?? entry.id;
    const present = isLastEra(inputs, entry);
    const actor: Actor = {
      name: entry.name,
      cowCode: ccode,
      cowAbbrev: entry.stateabb,
      cowMajor: inputs.majors.some(([c, start, end]) => c === ccode && coversYear(start, end, year)),
      unscPermanent: UNSC_PERMANENT_SEATS.some((s) => s.ccode === ccode && s.from <= year && year <= s.to),
      ...(capabilities ? { capabilities } : {}),
      cincPublished: nmc ? (nmc[6] ?? null) : null,
      gdpUsd: present ? worldBankValue(inputs.wbGdpUsd, wbCode, year) : null,
      population: present ? worldBankValue(inputs.wbPopulation, wbCode, year) : null,
    };
    actors[entry.id] = actor;
    idOf.set(ccode, entry.id);
  }
  const relations = deriveRelations(inputs, loadUngaInputs(), year, idOf);
  const world: World = {
    year,
    description:
      `Embedded default world for ${year}: COW State System v2016 members with COW NMC v6.0 capabilities, ` +
      'COW Major Powers v2016, World Bank WDI GDP and population, and relations derived from ATOP v5.1, ' +
      'COW alliances v4.1, COW MID v5.0, Thompson–Dreyer rivalries and UN General Assembly voting by the rule in docs/models/relations.md.',
    actors,
    relations,
  };
  // Nuclear forces and missile defenses: forces as of 2017, the nearest
  // compilation (data/forces-2017.json), attached to the default year only.
  // Trade: COW Trade v4.0 of the year (1870–2014; 2014 for 2015 and 2016), src/world/default-trade.ts.
  const traded = withDefaultTrade(world);
  return year === DEFAULT_YEAR ? withDefaultForces(traded) : traded;
}

const worlds = new Map<number, World>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The default world of a year (default 2016), built once per process and
 * shared: the returned object is deeply frozen; copy it before changing it.
 */
export function loadDefaultWorld(options: { year?: number } = {}): World {
  const year = options.year ?? DEFAULT_YEAR;
  checkYear(year);
  let world = worlds.get(year);
  if (!world) {
    world = deepFreeze(buildDefaultWorld(year));
    worlds.set(year, world);
  }
  return world;
}
