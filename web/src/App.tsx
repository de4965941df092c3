/**
 * The lab's shell: header, view navigation (hash routes #/world, #/relations,
 * …), language switch and the current view, each view a lazily loaded chunk.
 */
import { type ComponentType, lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Language, LANGUAGES, setLanguage } from './i18n';

const VIEWS = {
  world: lazy(() => import('./views/World')),
  relations: lazy(() => import('./views/Relations')),
  deterrence: lazy(() => import('./views/Deterrence')),
  games: lazy(() => import('./views/Games')),
  scenario: lazy(() => import('./views/Scenario')),
  compare: lazy(() => import('./views/Compare')),
} satisfies Record<string, ComponentType>;

type View = keyof typeof VIEWS;

function viewOf(hash: string): View {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return name in VIEWS ? (name as View) : 'world';
}

const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'language.en',
  'zh-Hans': 'language.zhHans',
  'zh-Hant': 'language.zhHant',
};

export function App() {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<View>(() => viewOf(window.location.hash));

  useEffect(() => {
    const onHash = () => setView(viewOf(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.title = `${t(`nav.${view}`)} · ${t('app.title')}`;
  }, [view, t]);

  const Current = VIEWS[view];
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <div className="brand">
          <span className="title">{t('app.title')}</span>
          <span className="tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {(Object.keys(VIEWS) as View[]).map((v) => (
              <li key={v}>
                <a href={`#/${v}`} aria-current={v === view ? 'page' : undefined}>
                  {t(`nav.${v}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <label className="language">
          <span>{t('language.label')}</span>
          <select
            value={i18n.language}
            onChange={(e) => setLanguage(e.target.value as Language)}
            data-testid="language"
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(LANGUAGE_NAMES[l])}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <Current />
        </Suspense>
      </main>
      <footer className="foot">{t('app.footer')}</footer>
    </>
  );
}
