/**
 * The names users choose among: power indices, bankruptcy rules and TU-game
 * solutions. A module with no imports, so that the report schemas (zod only)
 * can name them too.
 */
/** The power indices of simple games that `powerIndex` computes. */
export const POWER_INDICES = [
  'shapley-shubik',
  'banzhaf',
  'banzhaf-absolute',
  'deegan-packel',
  'holler-packel',
  'johnston',
] as const;

/** The rules that divide an estate among claimants (`bankruptcyAwards`). */
export const BANKRUPTCY_RULES = ['proportional', 'cea', 'cel', 'talmud'] as const;

/** The solution concepts `solveTuGame` computes. */
export const TU_SOLUTIONS = ['shapley', 'nucleolus', 'prenucleolus', 'core', 'least-core'] as const;
