/**
 * The lab's views, in navigation order. Each entry names the view's route
 * (`#/<id>`), its code (a lazily loaded chunk), the model documents its help
 * links to and the data it cites. Adding a view is one entry here, its
 * component in views/, its `nav.<id>` and `help.<id>` messages in the three
 * catalogues (test/web/locales.test.ts checks them), and its e2e checks
 * (docs/web.md, "Adding a view").
 */
import { type ComponentType, lazy, type LazyExoticComponent } from 'react';
import type { Citation } from '../sources';

export interface ViewEntry {
  readonly id: string;
  readonly component: LazyExoticComponent<ComponentType>;
  /** Model documents, as paths of the repository without `.md` (rendered to HTML by the build). */
  readonly docs: readonly string[];
  readonly sources: readonly Citation[];
}

export const VIEWS: readonly ViewEntry[] = [
  {
    id: 'world',
    component: lazy(() => import('./World')),
    docs: ['docs/models/powers', 'docs/world'],
    sources: ['nmc', 'states', 'wdi', 'naturalEarth'],
  },
  {
    id: 'relations',
    component: lazy(() => import('./Relations')),
    docs: ['docs/models/relations', 'docs/world'],
    sources: ['atop', 'cowAlliances', 'mid', 'rivalries', 'unga', 'states'],
  },
  {
    id: 'deterrence',
    component: lazy(() => import('./Deterrence')),
    docs: ['docs/models/deterrence'],
    sources: ['forces', 'kentThaler'],
  },
  {
    id: 'games',
    component: lazy(() => import('./Games')),
    docs: ['docs/models/games', 'docs/models/games-repeated'],
    sources: ['axelrod', 'axelrodLibrary'],
  },
  {
    id: 'council',
    component: lazy(() => import('./Council')),
    docs: ['docs/models/coalitions'],
    sources: ['charter', 'shapleyShubik', 'banzhaf'],
  },
  {
    id: 'economy',
    component: lazy(() => import('./Economy')),
    docs: ['docs/models/economy'],
    sources: ['cowTrade', 'wdi', 'maddison', 'nmc', 'onealRussett', 'barbieri', 'acr'],
  },
  {
    id: 'bargaining',
    component: lazy(() => import('./Bargaining')),
    docs: ['docs/models/bargaining'],
    sources: ['coreInterests', 'nmc', 'ktab', 'buenoDeMesquita'],
  },
  {
    id: 'scenario',
    component: lazy(() => import('./Scenario')),
    docs: ['docs/models/scenario', 'docs/scenarios'],
    sources: ['scenarios', 'nmc', 'wdi', 'forces'],
  },
  {
    id: 'compare',
    component: lazy(() => import('./Compare')),
    docs: ['docs/models/scenario', 'docs/scenarios'],
    sources: ['scenarios', 'nmc', 'wdi', 'forces'],
  },
  {
    id: 'sensitivity',
    component: lazy(() => import('./Sensitivity')),
    docs: ['docs/models/sensitivity', 'docs/models/scenario'],
    sources: ['scenarios', 'forces'],
  },
  {
    id: 'runs',
    component: lazy(() => import('./Runs')),
    docs: ['docs/models/scenario'],
    sources: ['scenarios'],
  },
];

/** The view of an id, or the first (World). */
export function viewById(id: string): ViewEntry {
  return VIEWS.find((v) => v.id === id) ?? VIEWS[0]!;
}
