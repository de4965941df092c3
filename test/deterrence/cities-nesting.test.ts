/**
 * Value targets count no one twice (issue 15): data/cities-50k.json must not
 * list a whole city together with its boroughs, districts or neighbourhoods
 * (New York City and Brooklyn, London and Croydon). The rule that removed
 * them is in src/world/derive-cities.ts and in the file's
 * meta.partsOfWholeCities; this test checks the shipped file itself, so it
 * failed on the file before that rule (Brooklyn, Queens, Manhattan and the
 * Bronx within 20 km of New York City; 10.7 M people within 20 km of its
 * centre besides its own 8.2 M).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Row = [string, number, number, number];
const FILE = new URL('../../data/cities-50k.json', import.meta.url);
const file = JSON.parse(readFileSync(FILE, 'utf8')) as {
  meta: { partsOfWholeCities: { removedPlaces: number; removed: Record<string, { places: number }> } };
  countries: Record<string, Row[]>;
};

function km(a: Row, b: Row): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b[1] - a[1]) * rad) / 2) ** 2 +
    Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(((b[2] - a[2]) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function find(country: string, name: string): Row | undefined {
  return file.countries[country]?.find((r) => r[0] === name);
}

/** The nuclear-armed states (the deterrence actors), Japan and South Korea. */
const SCANNED = ['USA', 'RUS', 'CHN', 'GBR', 'FRA', 'IND', 'PAK', 'PRK', 'ISR', 'KOR', 'JPN'];

/**
 * Places of a million or more within 20 km of a larger listed place that are
 * municipalities of their own (their people are not in the larger figure).
 */
const SEPARATE = new Set([
  'CHN:Foshan<Guangzhou', // prefecture-level city of its own
  'IND:Pimpri<Pune', // Pimpri-Chinchwad Municipal Corporation
  'IND:Thāne<Mumbai', // Thane Municipal Corporation
  'IND:Thāne<Kalyān',
  'IND:Hāora<Kolkata', // Howrah Municipal Corporation
  'JPN:Kawasaki<Tokyo', // designated city in Kanagawa
  'JPN:Kawasaki<Yokohama',
  'KOR:Goyang-si<Seoul', // cities of Gyeonggi province
  'KOR:Seongnam-si<Seoul',
  'KOR:Seongnam-si<Suwon',
]);

describe('data/cities-50k.json: no whole city listed with its parts', () => {
  it('the parts named in issue 15 and found by the scan are not listed; the whole cities are', () => {
    // [country, part, whole]: a part is searched near its whole city (there is a Manhattan in Kansas).
    const parts: [string, string, string][] = [
      ['USA', 'Brooklyn', 'New York City'],
      ['USA', 'Queens', 'New York City'],
      ['USA', 'Manhattan', 'New York City'],
      ['USA', 'The Bronx', 'New York City'],
      ['USA', 'Staten Island', 'New York City'],
      ['USA', 'Astoria', 'New York City'],
      ['GBR', 'Islington', 'London'],
      ['GBR', 'Croydon', 'London'],
      ['GBR', 'City of Westminster', 'London'],
      ['RUS', 'Cherëmushki', 'Moscow'],
      ['RUS', 'Zelenograd', 'Moscow'],
      ['RUS', 'Kolpino', 'Saint Petersburg'],
      ['FRA', 'Marseille 13', 'Marseille'],
      ['IND', 'Dombivli', 'Kalyān'],
      ['JPN', 'Yono', 'Saitama'],
    ];
    for (const [country, name, whole] of parts) {
      const city = find(country, whole);
      if (!city) throw new Error(`${whole} missing`);
      const near = (file.countries[country] ?? []).filter((r) => r[0] === name && km(r, city) <= 50);
      expect(near, `${name} (${country})`).toEqual([]);
    }
    for (const [country, name] of [
      ['USA', 'New York City'],
      ['GBR', 'London'],
      ['RUS', 'Moscow'],
      ['FRA', 'Marseille'],
      ['USA', 'Jersey City'],
      ['USA', 'Yonkers'],
      ['GBR', 'Watford'],
      ['RUS', 'Khimki'],
    ] as const)
      expect(find(country, name), `${name} (${country})`).toBeDefined();
    expect(file.meta.partsOfWholeCities.removedPlaces).toBe(78);
    expect(file.meta.partsOfWholeCities.removed['New York City']?.places).toBe(35);
    expect(file.meta.partsOfWholeCities.removed.London?.places).toBe(18);
  });

  it('no place of a million or more lies within 20 km of a larger place of the same country unless it is a municipality of its own', () => {
    const nested: string[] = [];
    for (const country of SCANNED) {
      const rows = file.countries[country] ?? [];
      for (const b of rows) {
        if (b[3] < 1_000_000) continue;
        for (const a of rows)
          if (a[3] > b[3] && km(a, b) <= 20 && !SEPARATE.has(`${country}:${b[0]}<${a[0]}`))
            nested.push(`${country}:${b[0]}<${a[0]} (${km(a, b).toFixed(1)} km)`);
      }
    }
    expect(nested).toEqual([]);
  });

  it("the listed population within 20 km of a whole city's centre is at most 1.25 times its own figure", () => {
    for (const [country, name] of [
      ['USA', 'New York City'],
      ['GBR', 'London'],
      ['RUS', 'Moscow'],
      ['RUS', 'Saint Petersburg'],
      ['CHN', 'Shanghai'],
    ] as const) {
      const city = find(country, name);
      if (!city) throw new Error(`${name} missing`);
      let around = 0;
      for (const r of file.countries[country] ?? []) if (km(city, r) <= 20) around += r[3];
      expect(around / city[3], name).toBeLessThanOrEqual(1.25);
    }
  });
});
