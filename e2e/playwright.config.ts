/**
 * End-to-end tests of the web lab: Playwright drives Debian's Chromium
 * (`command -v chromium`; no browser download) against the real
 * `concert serve` on 127.0.0.1, which hosts the built web/dist
 * (build it first: `npm run build:web`). Screenshots go to test-results/e2e.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const repo = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.CONCERT_E2E_PORT ?? 4391);
const executablePath = execSync('command -v chromium', { shell: '/bin/sh' }).toString().trim();
const storeDir = join(tmpdir(), 'concert-e2e');
if (!process.env.TEST_WORKER_INDEX) {
  rmSync(storeDir, { recursive: true, force: true });
  mkdirSync(storeDir, { recursive: true });
}

export default defineConfig({
  testDir: '.',
  outputDir: join(repo, 'test-results/e2e/output'),
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    acceptDownloads: true,
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'laptop', use: { viewport: { width: 1366, height: 900 } }, testIgnore: /tablet/ },
    { name: 'tablet', use: { viewport: { width: 820, height: 1180 } }, testMatch: /tablet/ },
  ],
  webServer: {
    command: `node --import tsx src/cli/bin.ts serve --port ${port} --store ${join(storeDir, 'runs.db')}`,
    cwd: repo,
    url: `http://127.0.0.1:${port}/api/worlds`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
