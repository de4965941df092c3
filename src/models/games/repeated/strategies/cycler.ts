/**
 * Cyclers: periodic players that repeat a fixed sequence whatever the
 * opponent does (Axelrod library `Cycler`; periodic players of Mittal & Deb
 * 2009 and Beaufils, Delahaye & Mathieu 1997).
 */
import { C, D } from '../game.js';
import { type Strategy, stateless, strategy } from '../strategy.js';

function cycler(cycle: string, origin: string): Strategy {
  const moves = Uint8Array.from(cycle, (ch) => (ch === 'C' ? C : D));
  return strategy({
    name: `Cycler ${cycle}`,
    className: `Cycler${cycle}`,
    origin,
    description: `Repeats ${cycle.split('').join(', ')}, … regardless of the opponent.`,
    memoryDepth: cycle.length - 1,
    create: stateless((h) => (moves[h.turn % moves.length] === C ? C : D)),
  });
}

export const CyclerCCD = cycler(
  'CCD',
  'Periodic player CCD: Mittal & Deb (2009), IEEE Trans. Evol. Comput. 13(3)',
);
export const CyclerDDC = cycler(
  'DDC',
  'Periodic player DDC: Mittal & Deb (2009), IEEE Trans. Evol. Comput. 13(3)',
);
export const CyclerCCCD = cycler('CCCD', 'Axelrod library (Marc Harper)');
export const CyclerCCCCCD = cycler('CCCCCD', 'Axelrod library (Marc Harper)');
