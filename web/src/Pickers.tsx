/** Labelled drop-down lists the views share: a shipped scenario, an indicator. */
import { useTranslation } from 'react-i18next';
import { useIndicatorLabel } from './FanChart';

/** A labelled list of scenario ids (the shipped scenarios); `empty` adds a "none chosen" entry. */
export function ScenarioPicker({
  label,
  ids,
  value,
  onChange,
  testId,
  empty,
}: {
  label: string;
  ids: readonly string[];
  value: string;
  onChange: (id: string) => void;
  testId: string;
  empty?: string;
}) {
  return (
    <label>
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {empty !== undefined && <option value="">{empty}</option>}
        {ids.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A labelled list of indicators, each shown by its translated name. */
export function IndicatorPicker({
  names,
  value,
  onChange,
  testId,
}: {
  names: readonly string[];
  value: string | undefined;
  onChange: (name: string) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const label = useIndicatorLabel();
  return (
    <label>
      <span>{t('compare.indicator')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {names.map((n) => (
          <option key={n} value={n}>
            {label(n)}
          </option>
        ))}
      </select>
    </label>
  );
}
