/**
 * i18next set-up: three catalogues (en, zh-Hans, zh-Hant) with the same keys
 * (test/web/locales.test.ts checks parity). The language comes from the
 * user's last choice, else the browser: zh-TW/HK/MO and zh-Hant → 繁體中文,
 * other zh → 简体中文, anything else → English.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zhHans from './locales/zh-Hans.json';
import zhHant from './locales/zh-Hant.json';

/** The lab's languages, as BCP 47 tags. */
export const LANGUAGES = ['en', 'zh-Hans', 'zh-Hant'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'concert.language';

function isLanguage(x: string | null): x is Language {
  return x !== null && (LANGUAGES as readonly string[]).includes(x);
}

/** The language of a browser tag: Hant for Taiwan, Hong Kong, Macao and explicit Hant; Hans for other Chinese. */
export function languageOf(tag: string): Language {
  const t = tag.toLowerCase();
  if (!t.startsWith('zh')) return 'en';
  return /hant|-tw|-hk|-mo/.test(t) ? 'zh-Hant' : 'zh-Hans';
}

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  if (isLanguage(stored)) return stored;
  return languageOf(globalThis.navigator?.languages?.[0] ?? 'en');
}

/** Switches the language, remembers it and sets `<html lang>`. */
export function setLanguage(lang: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  void i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lang) => {
  document.documentElement.lang = lang;
});

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: en },
    'zh-Hans': { translation: zhHans },
    'zh-Hant': { translation: zhHant },
  },
  lng: initialLanguage(),
  supportedLngs: [...LANGUAGES],
  load: 'currentOnly',
  fallbackLng: { 'zh-Hant': ['zh-Hans', 'en'], default: ['en'] },
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
