/**
 * The names of the measures a dyad reports (sweeps, elasticities). A module
 * with no imports, so that the report schemas (zod only) can name them too.
 */
/** The measures reported per dyad (sweeps, elasticities), each a number. */
export const DYAD_MEASURES = [
  'firstStrikeStability',
  'ratioA',
  'ratioB',
  'aFirst.survivingWarheads',
  'aFirst.retaliatoryWarheadsDelivered',
  'aFirst.damageLimitation',
  'aFirst.counterforceRatio',
  'bFirst.survivingWarheads',
  'bFirst.retaliatoryWarheadsDelivered',
  'bFirst.damageLimitation',
  'bFirst.counterforceRatio',
] as const;
export type DyadMeasure = (typeof DYAD_MEASURES)[number];
