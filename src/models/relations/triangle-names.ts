/**
 * The names of triangle sign patterns and of the triangle listing's filters.
 * A module with no imports, so that the report schemas (zod only) can name
 * them too.
 */

/** Sign patterns of a triangle by number of negative edges: 0, 1, 2, 3. */
export const TRIANGLE_PATTERNS = ['+++', '++-', '+--', '---'] as const;

/** Which triangles a listing keeps (`signedTriangles`). */
export const TRIANGLE_FILTERS = ['all', 'balanced', 'unbalanced'] as const;
