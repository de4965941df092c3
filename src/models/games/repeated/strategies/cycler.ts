/**
 * Cyclers: periodic players that repeat a fixed sequence whatever the
 * opponent does (Axelrod library `Cycler`, Marc Harper; periodic players of
 * Mittal & Deb 2009 and Beaufils, Delahaye & Mathieu 1997). `Cycler CCD` is
 * also the general cycler of the library: `Cycler DCDDC` (or the library's
 * own spelling `Cycler: DCDDC`) repeats any pattern. As the library, a cycle
 * of length L has memory depth L − 1.
 */
import { C, D } from '../game.js';
import { parameterised, type Rule, type Strategy, stateless, strategy } from '../strategy.js';

function cyclerRule(cycle: string): Omit<Rule, 'className' | 'origin'> {
  const moves = Uint8Array.from(cycle, (ch) => (ch === 'C' ? C : D));
  return {
    description: `Repeats ${cycle.split('').join(', ')}, … regardless of the opponent.`,
    memoryDepth: cycle.length - 1,
    create: stateless((h) => (moves[h.turn % moves.length] === C ? C : D)),
  };
}

function cycler(cycle: string, origin: string): Strategy {
  return strategy({ name: `Cycler ${cycle}`, className: `Cycler${cycle}`, origin, ...cyclerRule(cycle) });
}

/**
 * `Cycler CCD`, the library's default cycle, and through it every cycle:
 * `Cycler <cycle>` with `cycle` any sequence of C and D.
 */
export const CyclerCCD = parameterised({
  name: 'Cycler CCD',
  className: 'CyclerCCD',
  origin: 'Periodic player CCD: Mittal & Deb (2009), IEEE Trans. Evol. Comput. 13(3)',
  parameters: [
    {
      name: 'cycle',
      kind: 'actions',
      default: 'CCD',
      description: 'moves repeated, in order',
    },
  ],
  usage: 'Cycler <cycle>',
  nameFor: ([cycle]) => `Cycler ${cycle}`,
  rule: ([cycle]) => ({
    ...cyclerRule(cycle as string),
    className: 'Cycler',
    origin: 'Axelrod library (Marc Harper), Cycler',
  }),
});
export const CyclerDDC = cycler(
  'DDC',
  'Periodic player DDC: Mittal & Deb (2009), IEEE Trans. Evol. Comput. 13(3)',
);
export const CyclerCCCD = cycler('CCCD', 'Axelrod library (Marc Harper)');
export const CyclerCCCCCD = cycler('CCCCCD', 'Axelrod library (Marc Harper)');
