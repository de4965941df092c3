/**
 * Forces by year: the 2000 compilation reproduces Suh (2022)'s deliverable
 * warheads by leg (the dyadic file's totals, data note Tables 2 and 6), the
 * 2017 totals are stockpiles (not inventories), every figure of every year is
 * sourced or labelled, and a world picks its forces year with `forces: 2000`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dyad } from '../../src/models/deterrence/index.js';
import { type ForcesYear, forcesFile } from '../../src/world/forces-by-year.js';
import { loadWorldFile, parseWorld } from '../../src/world/load.js';
import { runCliJson } from '../helpers/cli.js';

const warheads = (year: ForcesYear, actor: string, basings?: string[]) =>
  Object.values(forcesFile(year).actors[actor]?.forces.systems ?? {})
    .filter((s) => !basings || basings.includes(s.basing))
    .reduce((t, s) => t + s.launchers * s.warheadsPerLauncher, 0);

describe('forces of 2000 (Suh 2022)', () => {
  it('reproduce the deliverable warheads by leg of Suh’s dyadic file for 2000 (USA 2,000/3,456/1,216; RUS 3,540/1,576/1,362)', () => {
    // suh2022_snforce_dyadic.csv, USA–RUS 2000: dnukel, dnukes, dnukea.
    expect(warheads(2000, 'USA', ['silo'])).toBe(2000);
    expect(warheads(2000, 'USA', ['slbm'])).toBe(3456);
    expect(warheads(2000, 'USA', ['bomber'])).toBe(1216);
    expect(warheads(2000, 'RUS', ['silo', 'road-mobile', 'rail-mobile'])).toBe(3540);
    expect(warheads(2000, 'RUS', ['slbm'])).toBe(1576);
    expect(warheads(2000, 'RUS', ['bomber'])).toBeCloseTo(1362, 0);
    expect(warheads(2000, 'GBR')).toBe(144);
    expect(warheads(2000, 'FRA')).toBe(429);
  });

  it('the checked transcription corrects the B-52 loading to 16 (Table 6, fn. 358) and keeps every launcher count', () => {
    const csv = readFileSync(
      new URL('../../data/suh2022_p5_strategic_systems_2000.csv', import.meta.url),
      'utf8',
    );
    const b52 = csv.split('\n').find((l) => l.startsWith('USA,Bomber,B-52'));
    expect(b52?.split(',')[4]).toBe('16');
    expect(forcesFile(2000).actors.USA?.forces.systems['B-52']?.warheadsPerLauncher).toBe(16);
  });

  it('a world picks its forces year: forces: 2000 replaces the base world’s 2017 forces', () => {
    const w = parseWorld('extends: { default: 2000 }\nforces: 2000\n', 'w.yaml');
    expect(w.forces).toBe(2000);
    expect(Object.keys(w.actors.USA?.forces?.systems ?? {})).toContain('PK-W87');
    expect(w.actors.USA?.defenses).toEqual({});
    expect(w.actors.PRK?.forces).toBeUndefined();
    const d = dyad(w, 'USA', 'RUS');
    expect(d.firstStrikeStability).toBeGreaterThan(0);
    expect(d.firstStrikeStability).toBeLessThanOrEqual(1);
  });

  it('concert deterrence --pair USA,RUS --world <2000 world> runs on the 2000 forces', () => {
    const doc = runCliJson<{ year: number; systems: Record<string, { system: string; warheads: number }[]> }>(
      ['deterrence', '--pair', 'USA,RUS', '--world', 'test/validation/fixtures/world-2000.yaml', '--json'],
    );
    expect(doc.year).toBe(2000);
    expect(doc.systems.USA?.find((s) => s.system === 'PK-W87')?.warheads).toBe(500);
    expect(doc.systems.RUS?.find((s) => s.system === 'SS-24-silo')?.warheads).toBe(100);
  });
});

describe('forces of 2010 and 2017', () => {
  it('2010: US per system from the by-system file (450 Minuteman III with 500 warheads, 288 D-5 with 1,152)', () => {
    expect(warheads(2010, 'USA', ['silo'])).toBeCloseTo(500, 6);
    expect(warheads(2010, 'USA', ['slbm'])).toBe(1152);
  });

  it('2010: Russia’s systems carry Suh’s 2,504 deliverable warheads; China’s missiles 137 of Suh’s 166 (bombers not modelled, as in 2017)', () => {
    expect(warheads(2010, 'RUS')).toBeCloseTo(2504, 6);
    expect(warheads(2010, 'CHN')).toBe(137);
    expect(warheads(2010, 'CHN')).toBeLessThanOrEqual(166);
  });

  it('2010: only systems in service in 2010 — no RS-24 Yars, SS-N-32 Bulava, JL-2 or DF-5B; the split is labelled an assumption with its basis', () => {
    const a = forcesFile(2010).actors;
    const rus = a.RUS?.forces.systems ?? {};
    const chn = a.CHN?.forces.systems ?? {};
    for (const gone of ['RS-24', 'SS-N-32']) expect(rus[gone], gone).toBeUndefined();
    for (const gone of ['JL-2', 'DF-5B']) expect(chn[gone], gone).toBeUndefined();
    // Launchers between Suh's 2002 count and the 2017 file's, 8/15 of the way (SS-18: 144 → 46).
    expect(rus['SS-18']?.launchers).toBe(92);
    expect(rus['SS-25']?.launchers).toBe(202);
    expect(chn['JL-1']?.launchers).toBe(6);
    for (const sys of [...Object.values(rus), ...Object.values(chn)])
      expect(sys.sources?.launchers, sys.name).toMatch(/^assumption: .*not in the shared data.*interpolated/);
    expect(a.RUS?.forces.sources?.level).toMatch(/S-PODVIG-BULAVA-2010/);
    expect(a.CHN?.forces.sources?.level).toMatch(/S-SIPRI-YB2016-CN/);
  });

  it('2017: totalWarheads is the military stockpile (FAS: USA 3,822, RUS 4,300), the inventory kept beside it', () => {
    const f = forcesFile(2017).actors;
    expect(f.USA?.forces.totalWarheads).toBe(3822);
    expect(f.RUS?.forces.totalWarheads).toBe(4300);
    expect(f.USA?.forces.inventoryWarheads).toBe(6800);
    expect(f.CHN?.forces.totalWarheads).toBe(270);
  });

  it('in every year the modelled systems carry no more warheads than the actor’s stockpile (China 2000: 232 = 232, was 260)', () => {
    for (const year of [2000, 2010, 2017] as const)
      for (const [id, a] of Object.entries(forcesFile(year).actors)) {
        const total = a.forces.totalWarheads;
        if (total !== undefined)
          expect(warheads(year, id), `${year} ${id}`).toBeLessThanOrEqual(total + 1e-9);
      }
    expect(warheads(2000, 'CHN')).toBeCloseTo(232, 9);
    expect(forcesFile(2000).actors.CHN?.forces.systems['H-6']?.launchers).toBe(120);
  });

  it('2017: Russia’s stockpile cites the FAS series and the Nuclear Notebook for Russia, not a US figure', () => {
    const note = forcesFile(2017).actors.RUS?.forces.sources?.totalWarheads ?? '';
    expect(note).toMatch(/^S-OWID-FAS-STOCKPILE\b/);
    expect(note).toContain('S-NN-RU-2017');
    expect(note).not.toMatch(/US stockpile/);
  });

  it('every figure of 2000 and 2010 has a source id of the file’s table or an assumption/derived/definition note', () => {
    for (const year of [2000, 2010] as const) {
      const file = forcesFile(year);
      const ids = new Set(Object.keys(file.sources));
      const ok = (note: string | undefined) =>
        note !== undefined &&
        (/^(assumption|derived|definition|parameter)\b/.test(note) ||
          (/^(S-[A-Z0-9-]+)/.exec(note) !== null &&
            ids.has((/^(S-[A-Z0-9-]+)/.exec(note) as RegExpExecArray)[1] as string)));
      for (const [id, a] of Object.entries(file.actors)) {
        for (const [sid, s] of Object.entries(a.forces.systems))
          for (const field of [
            'launchers',
            'warheadsPerLauncher',
            'yieldKt',
            'cepM',
            'reliability',
            'alertDayToDay',
            'alertGenerated',
          ])
            expect(ok(s.sources?.[field]), `${year} ${id}.${sid}.${field}: ${s.sources?.[field]}`).toBe(true);
        if (a.forces.totalWarheads !== undefined)
          expect(ok(a.forces.sources?.totalWarheads), `${year} ${id}.totalWarheads`).toBe(true);
      }
    }
  });

  it('a world file naming a forces year that has no compilation is bad input at forces', () => {
    expect(() => loadWorldFile('test/validation/fixtures/world-2000.yaml')).not.toThrow();
    expect(() => parseWorld('extends: default\nforces: 1999\n', 'w.yaml')).toThrow(
      /w\.yaml:2:\d+: forces: expected a forces year/,
    );
  });
});
