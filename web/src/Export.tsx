/** Export buttons: CSV and JSON of a table or result, PNG and SVG of a chart, an HTML report. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, downloadCsv, downloadJson, pngOf } from './exporting';

/** CSV and JSON buttons for one table or result (`what` names it for screen readers). */
export function DataExport({
  name,
  what,
  csv,
  json,
  testId,
}: {
  name: string;
  what: string;
  csv?: () => { header: readonly string[]; rows: readonly (readonly unknown[])[] };
  json?: () => unknown;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="export" data-testid={testId}>
      <legend className="sr-only">{t('export.of', { what })}</legend>
      {csv && (
        <button
          type="button"
          className="link"
          onClick={() => {
            const { header, rows } = csv();
            downloadCsv(name, header, rows);
          }}
          data-testid={testId ? `${testId}-csv` : undefined}
        >
          {t('export.csv')}
        </button>
      )}
      {json && (
        <button
          type="button"
          className="link"
          onClick={() => downloadJson(name, json())}
          data-testid={testId ? `${testId}-json` : undefined}
        >
          {t('export.json')}
        </button>
      )}
    </fieldset>
  );
}

/** PNG and SVG buttons for a chart; `svg` gives the chart as an SVG document. */
export function ImageExport({
  name,
  what,
  svg,
  png,
  testId,
}: {
  name: string;
  what: string;
  svg: () => string | null;
  /** A PNG made another way (e.g. Cytoscape's own); default: drawn from the SVG. */
  png?: () => Promise<Blob> | Blob | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  return (
    <fieldset className="export" data-testid={testId}>
      <legend className="sr-only">{t('export.of', { what })}</legend>
      <button
        type="button"
        className="link"
        onClick={async () => {
          setFailed(false);
          try {
            const made = png ? await png() : null;
            const source = made ? null : svg();
            const blob = made ?? (source ? await pngOf(source) : null);
            if (blob) download(`${name}.png`, blob);
          } catch {
            setFailed(true);
          }
        }}
        data-testid={testId ? `${testId}-png` : undefined}
      >
        {t('export.png')}
      </button>
      <button
        type="button"
        className="link"
        onClick={() => {
          const source = svg();
          if (source) download(`${name}.svg`, source, 'image/svg+xml');
        }}
        data-testid={testId ? `${testId}-svg` : undefined}
      >
        {t('export.svg')}
      </button>
      {failed && <span className="field-error">{t('export.failed')}</span>}
    </fieldset>
  );
}
