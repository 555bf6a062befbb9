// The two wasm modules through the packaged API, in a fresh Node process:
// initCore() loads the core module, whose missing functions throw a typed
// error; init() then swaps in the full module and keeps what the page
// registered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './support.mjs';

const pkg = process.env.MAILPORTS_PKG ?? path.join(projectRoot, 'pkg');
const load = (file) => import(pathToFileURL(path.join(pkg, file)).href);
const exportsOf = (glue) => Object.keys(glue).filter((k) => typeof glue[k] === 'function'
  && !k.startsWith('__') && k !== 'default' && k !== 'initSync');

const CANARY = {
  id: 'canary-isp',
  name: 'Canary ISP',
  domains: ['canary-isp.test'],
  incoming: [{ protocol: 'imap', hostname: 'imap.canary-isp.test', port: 993, security: 'implicit-tls' }],
  outgoing: [{ protocol: 'smtp', hostname: 'smtp.canary-isp.test', port: 465, security: 'implicit-tls' }],
};

test('initCore() answers with the core module; init() swaps in the full one and keeps registered providers', async () => {
  const api = await load('node.js');
  const core = exportsOf(await load('mailports.js'));
  const full = exportsOf(await load('mailports_full.js'));
  const fullOnly = full.filter((name) => !core.includes(name)).sort();
  assert.deepEqual(fullOnly, ['decideDiscovery', 'discoveryPlan', 'dnsParse', 'dnsQuery', 'exportConfig', 'matchMx']);
  assert.deepEqual(core.filter((name) => !full.includes(name)), [], 'the full module has every core function');

  // Nothing loaded yet: discover() answers with a typed error and loads nothing.
  const early = await api.discover('ana@example.com');
  assert.deepEqual(early.errors.map((e) => e.code), ['not-initialized']);
  assert.equal(api.isReady(), false);

  await api.initCore();
  assert.equal(api.isReady(), true);
  assert.equal(api.isFullReady(), false);
  assert.equal(api.lookupPort(993).port, 993);
  assert.equal(api.registerProvider(CANARY).id, 'canary-isp');
  assert.equal(api.lookupProvider('ana@canary-isp.test').id, 'canary-isp');
  for (const name of fullOnly) {
    assert.throws(() => api[name](), (e) => e.name === 'MailportsError' && e.code === 'not-initialized'
      && e.message.includes(`${name}() needs the full module`), name);
  }

  await api.init();
  assert.equal(api.isFullReady(), true);
  const match = api.lookupProvider('ana@canary-isp.test');
  assert.equal(match?.id, 'canary-isp', 'the registered provider moved to the full module');
  assert.match(api.exportConfig(match, 'dns-srv').content, /_imaps\._tcp +IN SRV 0 1 993 imap\.canary-isp\.test\./);
  // A later initCore() keeps the full module.
  await api.initCore();
  assert.equal(api.isFullReady(), true);
  assert.equal(api.matchMx(['aspmx.l.google.com'])?.provider, 'googlemail.com');
});
