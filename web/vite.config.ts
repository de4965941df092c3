/**
 * Vite build of the web lab: `vite build --config web/vite.config.ts` writes
 * web/dist, which `concert serve` hosts. `vite --config web/vite.config.ts`
 * serves it in development with /api proxied to a running `concert serve`.
 *
 * The build also renders the documents the lab's help panels link to (the
 * model documents, docs/world.md, docs/scenarios.md and data/SOURCES.md) to
 * HTML under the same paths (`/docs/models/powers.html`, …), so that the
 * links work offline, from the same server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { Marked } from 'marked';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));

/** The documents the lab links to, as repository paths without `.md`. */
function documents(): string[] {
  const models = readdirSync(`${repo}docs/models`)
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/models/${f.slice(0, -3)}`);
  return [...models, 'docs/world', 'docs/scenarios', 'data/SOURCES'];
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Renders the linked documents to HTML pages (links between .md files become links between .html pages). */
function modelDocuments(): Plugin {
  const marked = new Marked({
    gfm: true,
    walkTokens(token) {
      if (token.type === 'link' && /^(?![a-z]+:)[^#]*\.md(#.*)?$/i.test(token.href))
        token.href = token.href.replace(/\.md(#.*)?$/i, '.html$1');
    },
  });
  return {
    name: 'concert-documents',
    apply: 'build',
    async generateBundle() {
      for (const doc of documents()) {
        const text = readFileSync(`${repo}${doc}.md`, 'utf8');
        const title = /^#\s+(.+)$/m.exec(text)?.[1] ?? doc;
        const body = await marked.parse(text);
        this.emitFile({
          type: 'asset',
          fileName: `${doc}.html`,
          source: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Concert</title><style>body{font-family:system-ui,"Noto Sans","Noto Sans CJK SC",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1f24}pre,code{background:#f4f6f9}pre{padding:.6rem;overflow:auto}table{border-collapse:collapse}td,th{border:1px solid #c9d0da;padding:.2rem .5rem}a{color:#0b5cad}</style></head><body><p><a href="/">Concert lab</a> · <code>${escapeHtml(doc)}.md</code></p>${body}</body></html>`,
        });
      }
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), modelDocuments()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:4173' },
  },
});
