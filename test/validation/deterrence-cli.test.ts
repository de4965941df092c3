/**
 * `concert deterrence` end to end: outcomes on the default world, the sspk
 * calculator, and bad input (exit 2, one located message per problem).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'concert-deterrence-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

interface PairJson {
  attacker: string;
  defender: string;
  survivingWarheads: number;
  retaliatoryWarheadsDelivered: number;
  firstStrikeStability: number;
  retaliation: { pmf: number[]; q05: number; q95: number };
  variants: Record<string, { retaliatoryWarheadsDelivered: number }>;
}

describe('concert deterrence', () => {
  it('--pair USA,RUS --json gives both strike orders with the index and the defense variants', () => {
    const out = runCliJson<{ pairs: PairJson[]; dyads: { firstStrikeStability: number }[] }>([
      'deterrence',
      '--pair',
      'USA,RUS',
    ]);
    expect(out.pairs.map((p) => `${p.attacker}>${p.defender}`)).toEqual(['USA>RUS', 'RUS>USA']);
    for (const p of out.pairs) {
      expect(p.survivingWarheads).toBeGreaterThan(0);
      expect(p.retaliatoryWarheadsDelivered).toBeGreaterThan(0);
      expect(p.retaliation.q05).toBeLessThanOrEqual(p.retaliation.q95);
      expect(p.retaliation.pmf.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
      expect(Object.keys(p.variants).sort()).toEqual([
        'withoutAttackerDefenses',
        'withoutDefenderDefenses',
        'withoutDefenses',
      ]);
      expect(p.firstStrikeStability).toBe(out.dyads[0]?.firstStrikeStability);
    }
    // US defenses thin Russia's retaliation when the US strikes first.
    const usFirst = out.pairs[0] as PairJson;
    expect(usFirst.retaliatoryWarheadsDelivered).toBeLessThan(
      usFirst.variants.withoutAttackerDefenses?.retaliatoryWarheadsDelivered as number,
    );
  });

  it('--pair USA,CHN prints a table of outcomes and the index', () => {
    const r = runCli(['deterrence', '--pair', 'USA,CHN']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/USA first/);
    expect(r.stdout).toMatch(/CHN first/);
    expect(r.stdout).toMatch(/Kent–Thaler first-strike stability 0\.\d{3} = USA/);
  });

  it('sspk reproduces the W88 chain (fixture sspk-w88-2000psi-chain)', () => {
    const r = runCliJson<Record<string, number>>([
      'deterrence',
      'sspk',
      '--yield-kt',
      '455',
      '--cep-m',
      '90',
      '--hardness-psi',
      '2000',
      '--reliability',
      '0.9',
      '--warheads',
      '2',
    ]);
    expect(Object.keys(r).sort()).toEqual([
      'cepNmi',
      'counterMilitaryPotential',
      'emtConvention',
      'equivalentMegatonnage',
      'equivalentMegatonnageAlternative',
      'killProbability',
      'lethalRadiusM',
      'sspk',
      'terminalKillProbability',
    ]);
    expect(r.lethalRadiusM).toBeCloseTo(296.212, 2);
    expect(r.killProbability).toBeCloseTo(0.989901, 5);
    // CMP of one W88 = Richelson's K = 250.498 (fixture brown-w88-2000psi); two warheads count twice.
    expect((r.counterMilitaryPotential as number) / 2).toBeCloseTo(250.498, 2);
  });

  it('sspk gives the equivalent megatonnage of Richelson’s examples: Poseidon ≈ 1.2, 25 Mt = 5 (8.55 with Y^(2/3))', () => {
    const args = (y: string, n: string, more: string[] = []) =>
      runCliJson<Record<string, number | string>>([
        'deterrence',
        'sspk',
        '--yield-kt',
        y,
        '--cep-m',
        '500',
        '--hardness-psi',
        '1000',
        '--warheads',
        n,
        ...more,
      ]);
    // Richelson 1980, p. 783: "a Poseidon (10 × 0.04 Mt) has EMT ≈ 1.2".
    expect(args('40', '10').equivalentMegatonnage).toBeCloseTo(1.1696, 4);
    const big = args('25000', '1');
    expect(big.equivalentMegatonnage).toBeCloseTo(5, 9);
    expect(big.equivalentMegatonnageAlternative).toBeCloseTo(8.5499, 4);
    expect(args('25000', '1', ['--emt', 'two-thirds']).equivalentMegatonnage).toBeCloseTo(8.5499, 4);
    // CMP = EMT / CEP² with CEP in nmi: 1.1696 / (500/1852)².
    expect(args('40', '10').counterMilitaryPotential).toBeCloseTo(1.16961 / (500 / 1852) ** 2, 3);
  });

  it('sspk with CEP 0 and reliability 1.2 is bad input, both problems named', () => {
    const r = runCli([
      'deterrence',
      'sspk',
      '--yield-kt',
      '100',
      '--cep-m',
      '0',
      '--hardness-psi',
      '500',
      '--reliability',
      '1.2',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--cep-m: expected a CEP > 0 m/);
    expect(r.stderr).toMatch(/--reliability: expected a probability in \[0, 1\]/);
    expect(r.stdout).toBe('');
  });

  it('sweep with an unknown parameter exits 2 naming it and listing the valid ones', () => {
    const r = runCli([
      'deterrence',
      'sweep',
      '--pair',
      'USA,CHN',
      '--param',
      'defenses.USA.GMX.interceptors',
      '--from',
      '0',
      '--to',
      '100',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown parameter "defenses\.USA\.GMX\.interceptors"/);
    expect(r.stderr).toMatch(/defenses\.USA\.GMD\.interceptors/);
    expect(r.stderr).toMatch(/forces\.CHN\.DF-31A\.launchers/);
  });

  it('a world file with negative launchers, Pk > 1 and CEP 0 gets one located message per problem', () => {
    const path = file(
      'bad.yaml',
      [
        'extends: default',
        'actors:',
        '  RUS:',
        '    forces:',
        '      systems:',
        '        SS-18:',
        '          launchers: -5',
        '        SS-19:',
        '          cepM: 0',
        '  USA:',
        '    defenses:',
        '      GMD:',
        '        pk: 1.3',
        '',
      ].join('\n'),
    );
    const r = runCli(['deterrence', '--world', path, '--pair', 'USA,RUS']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${path}:7:22: actors.RUS.forces.systems.SS-18.launchers: expected launchers ≥ 0`,
    );
    expect(r.stderr).toContain(`${path}:9:17: actors.RUS.forces.systems.SS-19.cepM: expected a CEP > 0 m`);
    expect(r.stderr).toContain(`${path}:13:13: actors.USA.defenses.GMD.pk: expected a probability in [0, 1]`);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('a defense covering an unknown system is bad input located at the system name', () => {
    const path = file(
      'unknown.yaml',
      [
        'extends: default',
        'actors:',
        '  USA:',
        '    defenses:',
        '      THAAD-Korea:',
        '        coverage:',
        '          - attacker: CHN',
        '            systems: [DF-21, DF-99]',
        '',
      ].join('\n'),
    );
    const r = runCli(['deterrence', '--world', path, '--pair', 'USA,CHN']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${path}:8:30: actors.USA.defenses.THAAD-Korea.coverage[0].systems[1]: unknown system "DF-99" of CHN`,
    );
  });
});
