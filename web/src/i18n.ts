/**
 * i18next set-up: three catalogues (en, zh-Hans, zh-Hant) with the same keys
 * (test/web/locales.test.ts checks parity). The language comes from the
 * user's last choice, else the browser: zh-TW/HK/MO and zh-Hant → 繁體中文,
 * other zh → 简体中文, anything else → English.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';

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

/**
 * The Chinese catalogues and country names load with the first use of a
 * Chinese language (separate chunks), so that the English lab starts small.
 */
const CATALOGUES: Record<Exclude<Language, 'en'>, () => Promise<{ default: unknown }>> = {
  'zh-Hans': () => import('./locales/zh-Hans.json'),
  'zh-Hant': () => import('./locales/zh-Hant.json'),
};

/** Names of states in Chinese (both scripts), once loaded (format.ts reads them). */
export const chineseNames: { current: Record<string, string[] | undefined> } = { current: {} };

async function loadLanguage(lang: Language): Promise<void> {
  if (lang === 'en') return;
  const wanted = lang === 'zh-Hant' ? (['zh-Hans', 'zh-Hant'] as const) : (['zh-Hans'] as const);
  await Promise.all([
    ...wanted
      .filter((l) => !i18n.hasResourceBundle(l, 'translation'))
      .map(async (l) => i18n.addResourceBundle(l, 'translation', (await CATALOGUES[l]()).default)),
    import('./country-names.json').then((m) => {
      chineseNames.current = m.default as Record<string, string[]>;
    }),
  ]);
}

/** Switches the language (loading its catalogue first), remembers it and sets `<html lang>`. */
export async function setLanguage(lang: Language): Promise<void> {
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  await loadLanguage(lang);
  await i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lang) => {
  document.documentElement.lang = lang;
});

const initial = initialLanguage();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  partialBundledLanguages: true,
  supportedLngs: [...LANGUAGES],
  load: 'currentOnly',
  fallbackLng: { 'zh-Hant': ['zh-Hans', 'en'], default: ['en'] },
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

/** Resolves when the user's language is loaded and active (the app renders after it). */
export const ready: Promise<void> =
  initial === 'en'
    ? Promise.resolve()
    : loadLanguage(initial)
        .then(() => i18n.changeLanguage(initial))
        .then(() => undefined);

export default i18n;
