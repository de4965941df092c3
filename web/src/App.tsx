/**
 * The lab's shell: header, view navigation (hash routes #/world, #/relations,
 * …, from views/registry.ts), language switch, the country names the views
 * share, and the current view, each view a lazily loaded chunk.
 */
import { Suspense, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useApi } from './api';
import { NamesContext } from './format';
import { focusHeadingOnNextView } from './Heading';
import { type Language, LANGUAGES, setLanguage } from './i18n';
import type { WorldSummary } from './types';
import { useRoute } from './url';
import { VIEWS, viewById } from './views/registry';

const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'language.en',
  'zh-Hans': 'language.zhHans',
  'zh-Hant': 'language.zhHant',
};

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const view = viewById(route.view);
  const previous = useRef(view.id);
  if (previous.current !== view.id) {
    previous.current = view.id;
    focusHeadingOnNextView();
  }
  // One list of names for the lab (the default world's actors, as the API names them).
  const world = useApi('names', (signal) => api<WorldSummary>('/api/worlds/2016', { signal }));
  const names = useMemo(
    () => new Map((world.data?.actors ?? []).map((a) => [a.id, a.name] as const)),
    [world.data],
  );

  useEffect(() => {
    document.title = `${t(`nav.${view.id}`)} · ${t('app.title')}`;
  }, [view.id, t]);

  const Current = view.component;
  return (
    <NamesContext.Provider value={names}>
      <button
        type="button"
        className="skip"
        onClick={() => {
          // The address holds the view: move to the content without changing it.
          const main = document.getElementById('main');
          (main?.querySelector<HTMLElement>('h1') ?? main)?.focus();
        }}
      >
        {t('app.skip')}
      </button>
      <header className="top">
        <div className="brand">
          <span className="title">{t('app.title')}</span>
          <span className="tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {VIEWS.map((v) => (
              <li key={v.id}>
                <a href={`#/${v.id}`} aria-current={v.id === view.id ? 'page' : undefined}>
                  {t(`nav.${v.id}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <label className="language">
          <span>{t('language.label')}</span>
          <select
            value={i18n.language}
            onChange={(e) => void setLanguage(e.target.value as Language)}
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
          {world.data || world.error ? <Current key={view.id} /> : <p role="status">{t('app.loading')}</p>}
        </Suspense>
      </main>
      <footer className="foot">{t('app.footer')}</footer>
    </NamesContext.Provider>
  );
}
