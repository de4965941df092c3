import { describe, expect, it } from 'vitest';
import {
  allocateFirstStrike,
  allocationAt,
  type StrikeTarget,
  type StrikeWeapon,
  usefulWarheads,
} from './allocate.js';

/** Best expected destroyed warheads over every assignment of whole warheads to aim points (brute force). */
function bruteForce(
  weapons: readonly StrikeWeapon[],
  targets: readonly StrikeTarget[],
  cap: number,
  budget: number,
): number {
  const aims: number[] = [];
  targets.forEach((t, i) => {
    for (let k = 0; k < t.aimPoints; k++) aims.push(i);
  });
  // Per aim point, the options: how many of each weapon type (total ≤ cap).
  const combos: number[][] = [];
  const build = (prefix: number[], left: number) => {
    if (prefix.length === weapons.length) {
      combos.push(prefix);
      return;
    }
    for (let k = 0; k <= left; k++) build([...prefix, k], left - k);
  };
  build([], cap);
  let best = 0;
  const stock = weapons.map((w) => w.warheads);
  const go = (a: number, used: number, value: number) => {
    if (a === aims.length) {
      best = Math.max(best, value);
      return;
    }
    const t = aims[a] as number;
    for (const combo of combos) {
      let n = 0;
      let ok = true;
      let survive = 1;
      combo.forEach((k, w) => {
        n += k;
        if (k > (stock[w] as number)) ok = false;
        survive *= (1 - ((weapons[w] as StrikeWeapon).killProbability[t] as number)) ** k;
      });
      if (!ok || used + n > budget) continue;
      combo.forEach((k, w) => {
        stock[w] = (stock[w] as number) - k;
      });
      go(a + 1, used + n, value + (targets[t] as StrikeTarget).warheadsPerAimPoint * (1 - survive));
      combo.forEach((k, w) => {
        stock[w] = (stock[w] as number) + k;
      });
    }
  };
  go(0, 0, 0);
  return best;
}

const at = (a: ReturnType<typeof allocateFirstStrike>, n: number) =>
  allocationAt(a, n, new Array<number>(a.targets).fill(0), new Array<number>(a.weapons).fill(0));

describe('greedy first-strike allocation', () => {
  const targets: StrikeTarget[] = [
    { aimPoints: 3, warheadsPerAimPoint: 10 },
    { aimPoints: 2, warheadsPerAimPoint: 1 },
    { aimPoints: 2, warheadsPerAimPoint: 4 },
  ];

  it('is optimal for one warhead type at every budget (brute force, fratricide cap 2)', () => {
    const weapons: StrikeWeapon[] = [{ warheads: 14, killProbability: [0.55, 0.95, 0.8] }];
    const a = allocateFirstStrike(weapons, targets, 2);
    expect(usefulWarheads(a)).toBe(14);
    for (let n = 0; n <= 14; n++) expect(at(a, n)).toBeCloseTo(bruteForce(weapons, targets, 2, n), 10);
  });

  it('respects the fratricide limit: warheads beyond cap × aim points are not used', () => {
    const weapons: StrikeWeapon[] = [{ warheads: 100, killProbability: [0.5, 0.5, 0.5] }];
    const a = allocateFirstStrike(weapons, targets, 2);
    expect(usefulWarheads(a)).toBe(14);
    expect(at(a, 100)).toBeCloseTo(10 * 3 * 0.75 + 1 * 2 * 0.75 + 4 * 2 * 0.75, 10);
  });

  it('comes within 2% of the optimum with two warhead types (best first), never above it', () => {
    const weapons: StrikeWeapon[] = [
      { warheads: 4, killProbability: [0.9, 0.99, 0.95] },
      { warheads: 6, killProbability: [0.3, 0.9, 0.6] },
    ];
    const a = allocateFirstStrike(weapons, targets, 2);
    for (let n = 0; n <= 10; n++) {
      const best = bruteForce(weapons, targets, 2, n);
      const greedy = at(a, n);
      expect(greedy).toBeLessThanOrEqual(best + 1e-9);
      expect(greedy).toBeGreaterThanOrEqual(0.98 * best);
    }
  });

  it('gives a concave, non-decreasing kill curve for one warhead type', () => {
    const weapons: StrikeWeapon[] = [{ warheads: 50, killProbability: [0.7, 0.4, 0.9] }];
    const a = allocateFirstStrike(weapons, targets, 3);
    let prev = 0;
    let prevSlope = Number.POSITIVE_INFINITY;
    for (let n = 1; n <= usefulWarheads(a); n++) {
      const v = at(a, n);
      expect(v).toBeGreaterThanOrEqual(prev);
      expect(v - prev).toBeLessThanOrEqual(prevSlope + 1e-12);
      prevSlope = v - prev;
      prev = v;
    }
  });
});
