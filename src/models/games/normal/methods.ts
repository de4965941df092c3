/**
 * The equilibrium methods of `solveEquilibria`. A module with no imports, so
 * that the report schemas (zod only) can name them too.
 */
export const EQUILIBRIUM_METHODS = ['support', 'vertex', 'lemke-howson', 'pure', 'qre'] as const;
