/**
 * A scenario's embedded world picks the year of its shipped nuclear forces
 * (`world: {default: 2000, forces: 2000}`), so that the engine can start in
 * the past on the forces of the time (the backtest, issue 18).
 */
import { describe, expect, it } from 'vitest';
import { isConcertError } from '../../src/core/errors.js';
import { parseScenario } from '../../src/scenario/load.js';

const text = (world: string) => `name: forces-year
description: test
world: ${world}
actors: [USA, RUS, CHN]
years: 2001..2003
`;

describe('world.forces of a scenario', () => {
  it('2000 gives the 2000 forces (Minuteman III with W62 warheads); no forces key keeps 2017', () => {
    const y2000 = parseScenario(text('{ default: 2000, forces: 2000 }'), 'a.yaml');
    const systems2000 = Object.keys(y2000.world.actors.USA!.forces!.systems);
    expect(systems2000).toContain('MM3-W62');
    expect(y2000.world.forces).toBe(2000);
    const plain = parseScenario(text('{ default: 2000 }'), 'b.yaml');
    expect(Object.keys(plain.world.actors.USA!.forces!.systems)).not.toContain('MM3-W62');
    expect(plain.world.forces).toBe(2017);
  });

  it('a year without shipped forces is refused at world.forces, naming the years', () => {
    try {
      parseScenario(text('{ default: 2000, forces: 1999 }'), 'c.yaml');
      expect.unreachable();
    } catch (e) {
      expect(isConcertError(e) && e.code === 'bad-input').toBe(true);
      expect((e as Error).message).toBe('c.yaml:3:33: world.forces: expected a forces year: one of 2000, 2010, 2017');
    }
  });
});
