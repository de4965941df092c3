/**
 * Locale-aware formatting for the web lab: numbers and dates through Intl,
 * and country names from maintained sources (never typed by hand):
 * - English: the dataset's own name, which follows ISO 3166 / UN naming
 *   (and names historical polities as COW does);
 * - 简体中文: the ISO 3166 Chinese names of `i18n-iso-countries`;
 * - 繁體中文: CLDR's Traditional Chinese region names, via
 *   `Intl.DisplayNames(['zh-Hant'], {type: 'region'})`
 *   (i18n-iso-countries has one Chinese catalogue only).
 * Ids that are not ISO 3166 codes (historical states such as XAUH) keep the
 * dataset's name in every language. docs/web.md explains the choice.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import { useTranslation } from 'react-i18next';

countries.registerLocale(en);
countries.registerLocale(zh);

const displayNames = new Map<string, Intl.DisplayNames>();

/** The name of actor `id` in language `lang`; `datasetName` is the name the API gave. */
export function countryName(id: string, lang: string, datasetName?: string): string {
  const alpha2 = /^[A-Z]{3}$/.test(id) ? countries.alpha3ToAlpha2(id) : undefined;
  if (lang === 'en' || alpha2 === undefined) return datasetName ?? countries.getName(id, 'en') ?? id;
  if (lang === 'zh-Hans') return countries.getName(id, 'zh') ?? datasetName ?? id;
  let names = displayNames.get(lang);
  if (names === undefined) {
    names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    displayNames.set(lang, names);
  }
  return names.of(alpha2) ?? datasetName ?? id;
}

/** ISO 3166-1 numeric code (as in world-atlas) → alpha-3, or undefined. */
export function alpha3FromNumeric(numeric: string | number | undefined): string | undefined {
  return numeric === undefined ? undefined : countries.numericToAlpha3(numeric);
}

/** Formatters bound to the current language: numbers, percentages, integers, dates and country names. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return {
    lang,
    num: (x: number, digits = 3) =>
      new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(x),
    /** Fixed decimals; an undefined measure (`null`, e.g. the triangle ratio of a network without triangles) shows as —. */
    fixed: (x: number | null, digits: number) =>
      x === null
        ? '—'
        : new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x),
    pct: (x: number, digits = 1) =>
      new Intl.NumberFormat(lang, {
        style: 'percent',
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      }).format(x),
    int: (x: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(x),
    date: (iso: string) =>
      new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    country: (id: string, datasetName?: string) => countryName(id, lang, datasetName),
  };
}
