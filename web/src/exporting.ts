/**
 * Export helpers: CSV and JSON of the API's documents (the numbers exactly as
 * the API gave them, unrounded), and PNG or SVG of charts. The lab only
 * re-encodes what the API computed; nothing here computes a model.
 */

/** A CSV cell: numbers as JavaScript prints them (full precision), text quoted when it must be. */
function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** RFC 4180 CSV (CRLF line ends) of a header and rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Offers `content` as a file download named `name`. */
export function download(name: string, content: Blob | string, type = 'text/plain;charset=utf-8'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const downloadCsv = (name: string, header: readonly string[], rows: readonly (readonly unknown[])[]) =>
  download(`${name}.csv`, toCsv(header, rows), 'text/csv;charset=utf-8');

export const downloadJson = (name: string, value: unknown) =>
  download(`${name}.json`, `${JSON.stringify(value, null, 2)}\n`, 'application/json');

/** A file name part from free text: letters, digits and dashes. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** An SVG document (with its XML namespace) from an SVG element, with a white background. */
export function svgOf(el: SVGSVGElement): string {
  const clone = el.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const box = el.getBoundingClientRect();
  if (!clone.getAttribute('width')) clone.setAttribute('width', String(Math.round(box.width)));
  if (!clone.getAttribute('height')) clone.setAttribute('height', String(Math.round(box.height)));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** The size an SVG document declares (width and height attributes, else its viewBox). */
function sizeOf(svg: string): { width: number; height: number } {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  const vb = (doc.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const width = Number.parseFloat(doc.getAttribute('width') ?? '') || vb[2] || 800;
  const height = Number.parseFloat(doc.getAttribute('height') ?? '') || vb[3] || 400;
  return { width, height };
}

/** A PNG (at `scale` × the SVG's size, on white) of an SVG document. */
export async function pngOf(svg: string, scale = 2): Promise<Blob> {
  const { width, height } = sizeOf(svg);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('cannot draw the chart'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('cannot encode PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Rows of the bands of indicators: `indicator, year, q05, q25, q50, q75, q95, mean` (and the 95% CI when given). */
export function bandRows(
  indicators: Readonly<
    Record<
      string,
      {
        years: number[];
        q05: number[];
        q25: number[];
        q50: number[];
        q75: number[];
        q95: number[];
        mean: number[];
        ciLow?: number[];
        ciHigh?: number[];
      }
    >
  >,
  prefix: readonly unknown[] = [],
): { header: string[]; rows: unknown[][] } {
  const withCi = Object.values(indicators).some((b) => b.ciLow !== undefined);
  const header = [
    'indicator',
    'year',
    'q05',
    'q25',
    'q50',
    'q75',
    'q95',
    'mean',
    ...(withCi ? ['ciLow', 'ciHigh'] : []),
  ];
  const rows: unknown[][] = [];
  for (const [name, b] of Object.entries(indicators)) {
    b.years.forEach((y, k) => {
      rows.push([
        ...prefix,
        name,
        y,
        b.q05[k],
        b.q25[k],
        b.q50[k],
        b.q75[k],
        b.q95[k],
        b.mean[k],
        ...(withCi ? [b.ciLow?.[k], b.ciHigh?.[k]] : []),
      ]);
    });
  }
  return { header, rows };
}
