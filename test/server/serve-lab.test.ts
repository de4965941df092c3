/**
 * `concert serve` without a built lab (web/dist/index.html missing, as after
 * a checkout without `npm run build:web`): it says how to build the lab, and
 * `/` shows the same instructions instead of a bare 404.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('concert serve without a built lab', () => {
  it('prints how to build the lab and answers / with the instructions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concert-nolab-'));
    const server = spawn(
      process.execPath,
      ['--import', 'tsx', `${root}src/cli/bin.ts`, 'serve', '--port', '0', '--store', join(dir, 'runs.db')],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, CONCERT_WEB_ROOT: join(dir, 'dist') },
      },
    );
    try {
      let stdout = '';
      let stderr = '';
      server.stderr.on('data', (d) => {
        stderr += String(d);
      });
      const url = await new Promise<string>((resolve, reject) => {
        server.stdout.on('data', (d) => {
          stdout += String(d);
          const m = /Concert lab: (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(stdout);
          if (m) resolve(m[1]!);
        });
        server.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
      });
      await expect.poll(() => stderr).toContain('npm run build:web');
      const page = await fetch(url);
      expect(page.status).toBe(503);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('npm run build:web');
      expect((await fetch(`${url}api/worlds`)).status).toBe(200);
    } finally {
      server.kill('SIGTERM');
    }
  }, 60_000);
});
