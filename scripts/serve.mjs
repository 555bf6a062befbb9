// A small static file server for dist/ (or any folder): 127.0.0.1 only,
// `.wasm` as application/wasm, no directory listings, nothing outside root.
//   node scripts/serve.mjs [--port N] [--root DIR]     (PORT env works too)
import http from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { root as projectRoot, log } from './lib.mjs';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1. `headers(urlPath)` may add response headers
 * (tests use it for Content-Security-Policy); `pages(urlPath)` may answer a
 * path itself with { body, type?, headers? } (tests serve fixture pages this
 * way in browsers that have no request interception). Resolves to { server, url }.
 */
export function serve({ root, port = 0, headers = () => ({}), pages = () => undefined } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const page = pages(urlPath);
    if (page) {
      const body = Buffer.from(page.body);
      res.writeHead(200, {
        'Content-Type': page.type ?? 'text/html; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store',
        ...page.headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    let file = path.join(base, urlPath);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      const st = statSync(file);
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': 'no-cache',
        ...headers(urlPath),
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://127.0.0.1:${actual}/` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const port = Number(arg('--port') ?? process.env.PORT ?? 8080);
  const dir = arg('--root') ?? path.join(projectRoot, 'dist');
  serve({ root: dir, port })
    .then(({ url }) => {
      log(`serving ${path.relative(projectRoot, dir) || dir}/`);
      console.log(`mailports demo: ${url}`);
    })
    .catch((e) => {
      log(`could not serve on 127.0.0.1:${port}: ${e.message} (choose another with --port N or PORT=N)`);
      process.exit(1);
    });
}
