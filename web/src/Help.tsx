/**
 * The help panel of a view: what it shows, what each measure means and in
 * which unit (messages `help.<view>.*` of the catalogues), links to the model
 * documents (rendered to HTML by the lab's build under /docs/…) and the
 * citations of the data shown. Closed by default; its state is not in the
 * address.
 */
import { useTranslation } from 'react-i18next';
import { CITATIONS } from './sources';
import { viewById } from './views/registry';

export function Help({ view }: { view: string }) {
  const { t } = useTranslation();
  const entry = viewById(view);
  const terms = t(`help.${view}.terms`, { returnObjects: true }) as Record<
    string,
    { term: string; def: string }
  >;
  return (
    <details className="help" data-testid="help">
      <summary>{t('help.title')}</summary>
      <p>{t(`help.${view}.text`)}</p>
      {typeof terms === 'object' && (
        <dl className="terms">
          {Object.entries(terms).map(([k, v]) => (
            <div key={k}>
              <dt>{v.term}</dt>
              <dd>{v.def}</dd>
            </div>
          ))}
        </dl>
      )}
      <h3>{t('help.documents')}</h3>
      <ul>
        {entry.docs.map((d) => (
          <li key={d}>
            <a href={`/${d}.html`} target="_blank" rel="noopener" data-testid="help-doc">
              {t(`docs.${d.split('/').pop()}`)}
            </a>{' '}
            <code>{d}.md</code>
          </li>
        ))}
      </ul>
      <h3>{t('help.sources')}</h3>
      <ul className="citations">
        {entry.sources.map((s) => (
          <li key={s} lang="en">
            {CITATIONS[s]}
          </li>
        ))}
      </ul>
    </details>
  );
}
