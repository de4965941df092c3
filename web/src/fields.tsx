/**
 * Input controls that never change what the user typed: a number field keeps
 * its text while it is being typed (a year is not clamped at its first digit,
 * "-2.5" can be typed, an empty field stays empty) and hands a value on only
 * when the text is a valid number in range; otherwise it says what it
 * expects. State pickers list states by name.
 */
import { type RefObject, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from './format';

/** The value of `text` if it is a valid number for the field, else the reason it is not. */
export function readNumber(
  text: string,
  opts: { min?: number; max?: number; integer?: boolean; optional?: boolean },
): { value: number | null } | { problem: 'required' | 'number' | 'integer' | 'range' } {
  const s = text.trim();
  if (s === '') return opts.optional ? { value: null } : { problem: 'required' };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return { problem: 'number' };
  const n = Number(s);
  if (!Number.isFinite(n)) return { problem: 'number' };
  if (opts.integer && !Number.isInteger(n)) return { problem: 'integer' };
  if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max))
    return { problem: 'range' };
  return { value: n };
}

export interface NumberFieldProps {
  label: string;
  value: number | null;
  /** Called with each valid value (null: an optional field left empty). */
  onChange: (value: number | null) => void;
  /** Called when the text becomes valid or not (for forms that must not send while a field is wrong). */
  onValidity?: (valid: boolean) => void;
  min?: number;
  max?: number;
  integer?: boolean;
  optional?: boolean;
  placeholder?: string;
  /** Shown under the field (e.g. what an empty field means). */
  hint?: string;
  testId?: string;
  size?: number;
  /** Hides the label visually (it stays the field's accessible name). */
  hideLabel?: boolean;
  className?: string;
  /** A year: its bounds are written without digit grouping (2017, not 2,017). */
  year?: boolean;
  /** A problem the server named for this field (shown while the typed text is itself valid). */
  error?: string | null;
}

/** A labelled number field that keeps the typed text and reports a wrong value in words. */
export function NumberField(p: NumberFieldProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const [text, setText] = useState(p.value === null ? '' : String(p.value));
  const [touched, setTouched] = useState(false);
  const read = readNumber(text, p);
  // A value set from outside (a reset, the address, a preset) replaces the text.
  useEffect(() => {
    const mine = readNumber(text, p);
    if (!('value' in mine) || mine.value !== p.value) setText(p.value === null ? '' : String(p.value));
  }, [p.value]);
  const valid = 'value' in read;
  useEffect(() => p.onValidity?.(valid), [valid]);
  // A field that goes away (a smaller matrix) is no longer wrong.
  useEffect(() => () => p.onValidity?.(true), []);
  const typedEnough = text.trim().length >= String(p.max ?? '').length && text.trim() !== '-';
  const problem = 'problem' in read && (touched || typedEnough) ? read.problem : null;
  const bound = (x: number) => (p.year ? String(x) : f.num(x, 6));
  const range =
    p.min !== undefined && p.max !== undefined
      ? t(p.integer ? 'field.wholeRange' : 'field.range', { min: bound(p.min), max: bound(p.max) })
      : p.min !== undefined
        ? t('field.atLeast', { min: bound(p.min) })
        : p.max !== undefined
          ? t('field.atMost', { max: bound(p.max) })
          : '';
  const message =
    problem === null
      ? (p.error ?? null)
      : problem === 'range'
        ? range
        : problem === 'integer' || (problem === 'number' && p.integer)
          ? t('field.integer')
          : problem === 'required'
            ? t('field.required')
            : t('field.number');
  return (
    <label className={p.className}>
      <span className={p.hideLabel ? 'sr-only' : undefined}>{p.label}</span>
      <input
        type="text"
        inputMode={p.integer && (p.min ?? 0) >= 0 ? 'numeric' : 'decimal'}
        size={p.size ?? 8}
        value={text}
        placeholder={p.placeholder}
        aria-invalid={message !== null}
        aria-describedby={message || p.hint ? `${id}-m` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const r = readNumber(e.target.value, p);
          if ('value' in r && r.value !== p.value) p.onChange(r.value);
        }}
        onBlur={() => setTouched(true)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') setTouched(true);
        }}
        data-testid={p.testId}
      />
      {(message || p.hint) && (
        <span id={`${id}-m`} className={message ? 'field-error' : 'hint'}>
          {message ?? p.hint}
        </span>
      )}
    </label>
  );
}

/** A labelled list of states by name (sorted by name in the current language). */
export function StateSelect({
  label,
  ids,
  value,
  onChange,
  names,
  testId,
  invalid,
}: {
  label: string;
  ids: readonly string[];
  value: string;
  onChange: (id: string) => void;
  names?: Readonly<Record<string, string>>;
  testId?: string;
  invalid?: boolean;
}) {
  const f = useFormat();
  const sorted = [...ids].sort((x, y) =>
    f.country(x, names?.[x]).localeCompare(f.country(y, names?.[y]), f.lang),
  );
  return (
    <label>
      <span>{label}</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
        aria-invalid={invalid || undefined}
      >
        {!ids.includes(value) && <option value={value}>{f.country(value, names?.[value])}</option>}
        {sorted.map((id) => (
          <option key={id} value={id}>
            {f.country(id, names?.[id])}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The chosen states as removable chips, with a list to add one (states by
 * name; the ISO code in brackets for those who know it).
 */
export function StatesPicker({
  label,
  available,
  chosen,
  onChange,
  names,
  testId,
}: {
  label: string;
  available: readonly string[];
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
  names?: Readonly<Record<string, string>>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const rest = available
    .filter((x) => !chosen.includes(x))
    .sort((x, y) => f.country(x, names?.[x]).localeCompare(f.country(y, names?.[y]), f.lang));
  return (
    <fieldset className="states" data-testid={testId}>
      <legend>{label}</legend>
      <ul className="chips">
        {chosen.map((x) => (
          <li key={x}>
            <span>{f.country(x, names?.[x])}</span>
            <button
              type="button"
              className="chip-remove"
              aria-label={t('field.remove', { name: f.country(x, names?.[x]) })}
              onClick={() => onChange(chosen.filter((c) => c !== x))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <label htmlFor={`${id}-add`} className="sr-only">
        {t('field.addState')}
      </label>
      <select
        id={`${id}-add`}
        value=""
        onChange={(e) => {
          if (e.target.value) onChange([...chosen, e.target.value]);
        }}
        data-testid={testId ? `${testId}-add` : undefined}
      >
        <option value="">{t('field.addState')}</option>
        {rest.map((x) => (
          <option key={x} value={x}>
            {f.country(x, names?.[x])} ({x})
          </option>
        ))}
      </select>
    </fieldset>
  );
}

/**
 * Which fields of a form are wrong: `report(name)` is a field's `onValidity`;
 * `valid` is true while no field is wrong (the form may send).
 */
export function useValidity() {
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const report = (name: string) => (ok: boolean) =>
    setInvalid((s) => {
      if (ok === !s.has(name)) return s;
      const next = new Set(s);
      if (ok) next.delete(name);
      else next.add(name);
      return next;
    });
  return { valid: invalid.size === 0, invalid, report };
}

/** Scrolls `ref` into view when `trigger` becomes a new non-null value (a result the user asked for). */
export function useScrollTo(ref: RefObject<HTMLElement | null>, trigger: unknown): void {
  useEffect(() => {
    if (trigger) ref.current?.scrollIntoView({ block: 'start' });
  }, [trigger]);
}
