/**
 * Locale-aware formatting for the web lab: numbers and dates through Intl,
 * and country names from one source per language (never typed by hand):
 * - English: the dataset's name (UN M49 English short names for UN members,
 *   COW's names for historical polities), as the API gives it for the year
 *   shown, else as the lab's name list (the default world's actors, loaded
 *   once) has it; for map features the data does not cover, the ISO 3166
 *   English name of `i18n-iso-countries`;
 * - 简体中文 and 繁體中文: web/src/country-names.json, one list in both
 *   scripts: the ISO 3166 Chinese names of `i18n-iso-countries`, converted to
 *   Traditional characters with OpenCC (web/scripts/country-names.ts).
 * Ids that are not ISO 3166 codes (historical states such as XAUH) keep the
 * dataset's name in every language. docs/web.md explains the choice.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { chineseNames } from './i18n';

countries.registerLocale(en);

/** Names of actors by id, from the API (the default world's actors); provided once by the app. */
export const NamesContext = createContext<ReadonlyMap<string, string>>(new Map());

/** The name of actor `id` in language `lang`; `datasetName` is the name the API gave with the data shown. */
export function countryName(
  id: string,
  lang: string,
  datasetName?: string,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  const known = datasetName ?? names.get(id);
  if (lang === 'zh-Hans' || lang === 'zh-Hant') {
    const zh = chineseNames.current[id]?.[lang === 'zh-Hans' ? 0 : 1];
    if (zh) return zh;
  }
  return known ?? countries.getName(id, 'en') ?? id;
}

/** ISO 3166-1 numeric code (as in world-atlas) → alpha-3, or undefined. */
export function alpha3FromNumeric(numeric: string | number | undefined): string | undefined {
  return numeric === undefined ? undefined : countries.numericToAlpha3(numeric);
}

/** Formatters bound to the current language: numbers, percentages, integers, dates and country names. */
export function useFormat() {
  const { i18n } = useTranslation();
  const names = useContext(NamesContext);
  const lang = i18n.language;
  return {
    lang,
    num: (x: number, digits = 3) =>
      new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(x),
    /** Fixed decimals; an undefined measure (`null`, e.g. the triangle ratio of a network without triangles) shows as —. */
    fixed: (x: number | null, digits: number) =>
      x === null
        ? '—'
        : new Intl.NumberFormat(lang, {
            maximumFractionDigits: digits,
            minimumFractionDigits: digits,
            signDisplay: 'negative',
          }).format(x),
    pct: (x: number, digits = 1) =>
      new Intl.NumberFormat(lang, {
        style: 'percent',
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      }).format(x),
    int: (x: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(x),
    date: (iso: string) =>
      new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    country: (id: string, datasetName?: string) => countryName(id, lang, datasetName, names),
  };
}

export type Format = ReturnType<typeof useFormat>;
