// A static file server for the demo and the browser tests, on 127.0.0.1 only.
// Why not `python3 -m http.server`: every response here carries the strict
// Content-Security-Policy the widget promises to work under, so the demo and the
// tests run under it, and a free port is picked and printed for scripts to read.
//   node scripts/serve.mjs [--port N]     (default 0: any free port)
// Prints the demo URL as its first line of output; serves the repository root
// so that www/ and seeds/ are the same origin. Pages under
// tests/browser/fixtures/no-csp/ get no CSP: they stand for CMS pages with
// inline scripts of their own.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

async function fileFor(urlPath) {
  const path = resolve(join(root, decodeURIComponent(urlPath)));
  if (path !== root && !path.startsWith(root + sep)) return null; // no escaping the root
  const info = await stat(path).catch(() => null);
  if (info?.isDirectory()) return fileFor(join(urlPath, 'index.html'));
  return info?.isFile() ? path : null;
}

const server = createServer(async (request, response) => {
  const { pathname } = new URL(request.url, 'http://localhost');
  const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
  if (!pathname.startsWith('/tests/browser/fixtures/no-csp/')) headers['Content-Security-Policy'] = CSP;
  let path = null;
  try {
    path = await fileFor(pathname);
  } catch {
    // a malformed %-escape: answer 404 like any unknown path
  }
  if (!path || (request.method !== 'GET' && request.method !== 'HEAD')) {
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found\n');
    return;
  }
  const type = types[extname(path)] ?? 'application/octet-stream';
  const body = await readFile(path);
  response.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': body.length });
  response.end(request.method === 'HEAD' ? undefined : body);
});

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 0;
server.listen(port, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${server.address().port}/www/`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
