/**
 * Plain-text tables for terminal output: columns padded to the widest cell,
 * numbers right-aligned.
 */

export type Align = 'left' | 'right';

export interface Column {
  readonly header: string;
  readonly align?: Align;
}

/** Renders rows of cells under the given columns, with a rule under the header. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) =>
    Math.max(c.header.length, ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const w = widths[i] ?? 0;
        const pad = ' '.repeat(Math.max(0, w - displayWidth(cell)));
        return columns[i]?.align === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const header = line(columns.map((c) => c.header));
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [header, rule, ...rows.map(line)].join('\n');
}

/** Width on a terminal: East Asian wide characters take two cells. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    w +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

/** Fixed decimals, with a minus sign only when the rounded value is negative. */
export function fixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** A percentage with the given decimals, e.g. `13.31%`. */
export function percent(x: number, digits = 2): string {
  return `${fixed(100 * x, digits)}%`;
}

/** Shortens a name for a table cell, marking the cut with an ellipsis. */
export function shortName(name: string, width = 30): string {
  return name.length <= width ? name : `${name.slice(0, width - 1)}…`;
}

/** A comma-separated list, cut after `max` items with the total count. */
export function listText(items: readonly string[], max = 40): string {
  return items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')}, … (${items.length} in all)`;
}
