// Serves the release build (dist/) under a sub-path on 127.0.0.1, as a static host would,
// then runs every *.test.mjs here with node's test runner against it.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// BACKFIRE_DIST lets a second build (another developer's) be tested without touching dist/.
const dist = path.resolve(process.env.BACKFIRE_DIST ?? path.resolve(here, '../../dist'));
const SUB = '/backfire/';
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.png': 'image/png', '.ico': 'image/x-icon',
};

if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`no build at ${dist}: run scripts/build first`);
  process.exit(1);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (!url.pathname.startsWith(SUB)) { res.writeHead(404); res.end('outside the sub-path'); return; }
  let rel = decodeURIComponent(url.pathname.slice(SUB.length)) || 'index.html';
  const file = path.resolve(dist, rel);
  if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404); res.end('not found'); return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});

server.listen(0, '127.0.0.1', () => {
  const base = `http://127.0.0.1:${server.address().port}${SUB}`;
  console.log(`serving ${dist} at ${base}`);
  const only = process.argv.slice(2);
  const files = only.length ? only : fs.readdirSync(here).filter(f => f.endsWith('.test.mjs')).sort().map(f => path.join(here, f));
  const child = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-name-pattern=' + process.env.PATTERN, ...files], {
    stdio: 'inherit', env: { ...process.env, BACKFIRE_URL: base },
  });
  child.on('exit', code => { server.close(); process.exit(code ?? 1); });
});
