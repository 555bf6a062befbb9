// The local DNS-over-HTTPS resolver of the e2e tests
// (tests/e2e/fixtures/doh_server.py: dnspython builds every answer), started
// on 127.0.0.1. It also serves a fake autoconfig proxy and a request log.
import { before, after } from 'node:test';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { projectRoot } from './support.mjs';

/** Starts the resolver; resolves to { url, origin, proxy, proc, log(), clear(), close() }. */
/**
 * Starts the fixture resolver before a test file's tests and stops it after
 * them; `set` receives it (as from startDoh()).
 */
export function withDoh(set) {
  let doh;
  before(async () => {
    doh = await startDoh();
    set(doh);
  });
  after(async () => {
    await doh?.close();
  });
}

export async function startDoh() {
  const proc = spawn('python3', [path.join(projectRoot, 'tests/e2e/fixtures/doh_server.py')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let buffered = '';
  const port = await new Promise((resolve, reject) => {
    proc.on('error', reject);
    proc.on('exit', (code) => reject(new Error(`doh_server.py exited with ${code}`)));
    proc.stdout.on('data', (chunk) => {
      buffered += chunk;
      const line = buffered.split('\n')[0];
      if (buffered.includes('\n')) resolve(JSON.parse(line).port);
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    proc,
    origin,
    url: `${origin}/dns-query`,
    proxy: `${origin}/autoconfig?url={url}`,
    log: async () => (await fetch(`${origin}/log`)).json(),
    clear: async () => (await fetch(`${origin}/log/clear`)).json(),
    close: async () => {
      proc.stdin.end();
      proc.kill();
      await once(proc, 'exit').catch(() => {});
    },
  };
}
