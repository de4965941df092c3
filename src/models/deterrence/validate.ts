/**
 * Checks of a world's forces and defenses that the schema cannot express
 * (they need the whole world): every system named in a defense's coverage
 * must exist in that attacker's forces.
 */
import type { Problem } from '../../core/errors.js';
import type { World } from '../../world/schema.js';

/** Problems with the world's forces and defenses, each with its field path; empty when consistent. */
export function checkForcesAndDefenses(world: World): Problem[] {
  const problems: Problem[] = [];
  for (const [id, actor] of Object.entries(world.actors)) {
    for (const [did, d] of Object.entries(actor.defenses ?? {})) {
      d.coverage.forEach((rule, k) => {
        if (rule.attacker === '*' || !rule.systems) return;
        const systems = world.actors[rule.attacker]?.forces?.systems;
        if (!systems) return;
        rule.systems.forEach((sid, m) => {
          if (systems[sid]) return;
          problems.push({
            path: ['actors', id, 'defenses', did, 'coverage', k, 'systems', m],
            message: `unknown system "${sid}" of ${rule.attacker}: expected one of ${Object.keys(systems).join(', ')}`,
          });
        });
      });
    }
  }
  return problems;
}
