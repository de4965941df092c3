/**
 * How the lab shows a failed request: one message with every problem the
 * server named, each at a location people recognise (the field's label,
 * "item 4"), never an internal path such as `querystring.actors[3]`.
 *
 * What is translated: the frame (headline, field labels, item numbers) and
 * the common families of problem message (a whole number expected, a value
 * out of range, an unknown state, a repeated entry, a year outside the
 * scenario, YAML syntax, …), recognised by their wording and re-worded in the
 * current language with the values they name. The server's own sentence is
 * always kept: in English it is the message; in Chinese it follows the
 * translation as the detail (marked lang="en"). A message of no known family
 * is shown as the server's sentence. docs/web.md lists the families.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, type Problem } from './api';

/** Request roots the server puts in front of a field path. */
const ROOTS = new Set(['body', 'querystring', 'params']);

/** One known family of problem message: its pattern and the catalogue key it is re-worded with. */
interface Family {
  readonly pattern: RegExp;
  readonly key: string;
  readonly vars?: readonly string[];
}

/** The families, most specific first. Each `key` is under `problem.` in the catalogues. */
export const FAMILIES: readonly Family[] = [
  { pattern: /expected a whole number/i, key: 'integer' },
  { pattern: /expected a year from (\d+) to (\d+)/, key: 'yearRange', vars: ['from', 'to'] },
  { pattern: /unknown actor "([^"]+)"/i, key: 'unknownActor', vars: ['id'] },
  { pattern: /unknown strategy "([^"]+)"/i, key: 'unknownStrategy', vars: ['name'] },
  { pattern: /unknown scenario "([^"]+)"/i, key: 'unknownScenario', vars: ['name'] },
  { pattern: /unknown field/i, key: 'unknownField' },
  {
    pattern: /given twice|listed twice|twice:|twice$|duplicate|different actors|more than once/i,
    key: 'duplicate',
  },
  {
    pattern: /event year (-?\d+) is outside the scenario's years (\d+)\.\.(\d+)/,
    key: 'eventYear',
    vars: ['year', 'from', 'to'],
  },
  {
    pattern: /starts in (-?\d+), not after its starting world \((\d+)\)/,
    key: 'startsBefore',
    vars: ['year', 'world'],
  },
  { pattern: /the scenario is empty/, key: 'empty' },
  { pattern: /"([[{])" opened here is never closed/, key: 'unclosed', vars: ['bracket'] },
  { pattern: /YAML syntax error|invalid JSON/, key: 'syntax' },
  { pattern: /unknown event type/, key: 'eventType' },
  { pattern: /^Too small: expected \w+ to (?:be|have) >=?\s*(-?[\d.e+]+)/, key: 'min', vars: ['limit'] },
  { pattern: /^Too big: expected \w+ to (?:be|have) <=?\s*(-?[\d.e+]+)/, key: 'max', vars: ['limit'] },
  { pattern: /at most ([\d,]+)/, key: 'max', vars: ['limit'] },
  { pattern: /is required|missing|give either/i, key: 'required' },
  { pattern: /expected number|expected a number/i, key: 'number' },
  { pattern: /expected one of/i, key: 'oneOf' },
];

/** The family of a server message and the values it names, or undefined. */
export function familyOf(message: string): { key: string; values: Record<string, string> } | undefined {
  for (const f of FAMILIES) {
    const m = f.pattern.exec(message);
    if (m) {
      const values: Record<string, string> = {};
      (f.vars ?? []).forEach((v, k) => {
        values[v] = m[k + 1] ?? '';
      });
      return { key: f.key, values };
    }
  }
  return undefined;
}

/** Labels of a view's fields by their path inside the request (`actors`, `pair`, `game.payoffs`, …). */
export type FieldLabels = Readonly<Record<string, string>>;

/** Where a problem is, in words: the field's label, then item numbers (`States, item 4`). */
export function locationOf(path: readonly (string | number)[], labels: FieldLabels, t: TFunction): string {
  const inner = ROOTS.has(String(path[0])) ? path.slice(1) : [...path];
  // The longest named prefix of the path (indices left out) gives the label.
  const names = inner.filter((p) => typeof p === 'string') as string[];
  let label: string | undefined;
  let used = 0;
  for (let n = names.length; n > 0 && label === undefined; n--) {
    label = labels[names.slice(0, n).join('.')];
    if (label !== undefined) used = n;
  }
  const parts: string[] = [];
  if (label !== undefined) parts.push(label);
  let seen = 0;
  for (const p of inner) {
    if (typeof p === 'number') parts.push(t('problem.item', { n: p + 1 }));
    else {
      seen++;
      if (seen > used) parts.push(p);
    }
  }
  return parts.join(t('problem.separator'));
}

/** The headline of a failed request. */
function headline(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    if (error.status >= 500) return t('error.internal');
    if (error.status === 404) return t('error.notFound');
    return t('error.request', { count: Math.max(1, error.problems.length) });
  }
  return t('error.internal');
}

/** One problem: where, and what (translated family, then the server's sentence). */
export function ProblemText({ problem, labels = {} }: { problem: Problem; labels?: FieldLabels }) {
  const { t, i18n } = useTranslation();
  const where = locationOf(problem.path, labels, t);
  const family = familyOf(problem.message);
  const english = i18n.language === 'en';
  return (
    <>
      {where !== '' && <span className="where">{where}</span>}
      {where !== '' && t('app.colon')}
      {english || !family ? (
        <span lang="en">{problem.message}</span>
      ) : (
        <>
          {t(`problem.${family.key}`, family.values)}{' '}
          <span className="detail" lang="en">
            ({problem.message})
          </span>
        </>
      )}
    </>
  );
}

/** A failed request, as one message listing every problem; null when there is no error. */
export function ErrorNotice({
  error,
  labels = {},
  testId,
}: {
  error: unknown;
  labels?: FieldLabels;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <div className="error" role="alert" data-testid={testId ?? 'error'}>
      <p>{headline(error, t)}</p>
      {problems.length > 0 ? (
        <ul>
          {problems.map((p, k) => (
            <li key={k}>
              <ProblemText problem={p} labels={labels} />
            </li>
          ))}
        </ul>
      ) : (
        error instanceof ApiError &&
        error.status < 500 &&
        error.status > 0 && <p lang="en">{error.message}</p>
      )}
    </div>
  );
}
