/**
 * Exports: a downloaded CSV parses and holds the API's numbers; charts,
 * the map and the network give PNG and SVG files; JSON is the API's document.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';

/** Clicks `button` and returns the downloaded file's name and text. */
async function downloaded(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const d = await download;
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  return rows;
}

test('world: the ranking CSV holds every state with the API’s numbers; the map gives PNG and SVG', async ({
  page,
}) => {
  await page.goto('/#/world?year=1990');
  await expect(page.getByTestId('world-map')).toHaveAttribute('data-year', '1990');
  const csv = await downloaded(page, 'ranking-export-csv');
  expect(csv.name).toBe('concert-powers-cinc-1990.csv');
  const [header, ...rows] = parseCsv(csv.bytes.toString('utf8'));
  expect(header).toEqual(['rank', 'id', 'name', 'value', 'share', 'major', 'cowMajor', 'reasons']);
  const api = (await (await page.request.get('/api/powers?year=1990&index=cinc')).json()) as {
    actors: { id: string; name: string; share: number; rank: number; value: number }[];
  };
  expect(rows).toHaveLength(api.actors.length);
  for (const [k, a] of api.actors.entries()) {
    const r = rows[k]!;
    expect([Number(r[0]), r[1], r[2], Number(r[3]), Number(r[4])]).toEqual([
      a.rank,
      a.id,
      a.name,
      a.value,
      a.share,
    ]);
  }
  const json = await downloaded(page, 'ranking-export-json');
  expect(JSON.parse(json.bytes.toString('utf8'))).toEqual(api);
  const svg = await downloaded(page, 'map-export-svg');
  expect(svg.name).toBe('concert-world-cinc-1990.svg');
  expect(svg.bytes.toString('utf8')).toMatch(
    /^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
  );
  expect((svg.bytes.toString('utf8').match(/<path/g) ?? []).length).toBeGreaterThan(150);
  const png = await downloaded(page, 'map-export-png');
  expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.bytes.length).toBeGreaterThan(10_000);
});

test('deterrence and relations: chart and network images; the strike-order CSV matches the API', async ({
  page,
}) => {
  await page.goto('/#/deterrence?a=USA&b=CHN');
  await expect(page.getByTestId('delivered-CHN')).toHaveText(/\d/);
  const svg = await downloaded(page, 'strike-chart-export-svg');
  expect(svg.bytes.toString('utf8')).toContain('<svg');
  // A well-formed SVG document (a stray quote in a style attribute once made it unreadable).
  const wellFormed = (text: string) =>
    page.evaluate(
      (s) => new DOMParser().parseFromString(s, 'image/svg+xml').querySelector('parsererror') === null,
      text,
    );
  expect(await wellFormed(svg.bytes.toString('utf8'))).toBe(true);
  expect(svg.bytes.toString('utf8')).toContain('China strikes first');
  const png = await downloaded(page, 'stability-chart-export-png');
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  const csv = await downloaded(page, 'deterrence-export-csv');
  const [header, ...rows] = parseCsv(csv.bytes.toString('utf8'));
  const api = (await (
    await page.request.post('/api/deterrence', {
      data: { pair: ['USA', 'CHN'], posture: 'generated', overrides: {} },
    })
  ).json()) as { pairs: { attacker: string; retaliatoryWarheadsDelivered: number }[] };
  const col = header!.indexOf('retaliatoryWarheadsDelivered');
  expect(rows.map((r) => [r[0], Number(r[col])])).toEqual(
    api.pairs.map((p) => [p.attacker, p.retaliatoryWarheadsDelivered]),
  );

  await page.goto('/#/relations');
  await expect(page.getByTestId('frustration')).toHaveText(/^\d+$/, { timeout: 60_000 });
  const net = await downloaded(page, 'network-export-svg');
  expect(net.bytes.toString('utf8')).toContain('United States of America');
  expect(await wellFormed(net.bytes.toString('utf8'))).toBe(true);
  const netPng = await downloaded(page, 'network-export-png');
  expect(netPng.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
});
