// Hostile values through every exported function of the JS API (pkg/, in
// Node): each call returns normally or throws a MailportsError with a string
// `code`, never anything else; after every error the next call works and the
// registered providers are still there; 100,000 mixed calls leave the wasm
// memory and the table of JS references no larger than after warm-up.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './support.mjs';

const pkg = process.env.MAILPORTS_PKG ?? path.join(projectRoot, 'pkg');
let api;
let glue;

before(async () => {
  api = await import(pathToFileURL(path.join(pkg, 'node.js')).href);
  // The generated glue of the full module (what init() loads), the same
  // module instance core.js uses: its default export (init) hands back the
  // live instance's exports once loaded.
  glue = await import(pathToFileURL(path.join(pkg, 'mailports_full.js')).href);
  await api.init();
});

/** The live wasm exports (a trap replaces the instance, so ask each time). */
const wasm = () => glue.default();

const server = (protocol, hostname, port, security = 'implicit-tls') => ({ protocol, hostname, port, security });
const CANARY = {
  id: 'canary-isp',
  name: 'Canary ISP',
  domains: ['canary-isp.test'],
  incoming: [server('imap', 'imap.canary-isp.test', 993)],
  outgoing: [server('smtp', 'smtp.canary-isp.test', 465)],
};

/** Valid arguments for every exported function (a new export must be added here). */
function validArgs() {
  const mx = new Uint8Array([0, 0, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0, 7, 101, 120, 97, 109, 112, 108, 101, 3, 99, 111, 109, 0, 0, 15, 0, 1]);
  return {
    lookupPort: [993],
    listPorts: [{ protocol: 'imap' }],
    recommend: [{ devices: 2, offline: false }],
    reasonCatalog: [],
    discoveryPlan: ['ana@example.com'],
    dnsQuery: ['example.com', 'MX'],
    dnsParse: [mx, 'example.com', 'MX'],
    matchMx: [['aspmx.l.google.com']],
    decideDiscovery: ['ana@example.com', { srv: [], mx: null, autoconfig: [] }],
    exportConfig: [{ domain: 'example.com', incoming: [server('imap', 'imap.example.com', 993)], outgoing: [server('smtp', 'smtp.example.com', 465)] }, 'json', {}],
    lookupProvider: ['ana@gmail.com'],
    suggestDomain: ['ana@gmial.com', { domains: ['example.com'] }],
    normalizeAddress: ['Ana@Bücher.de'],
    registerProvider: [{ ...CANARY, id: 'other-isp', domains: ['other-isp.test'] }],
    listProviders: [],
    providerDomains: [],
  };
}

/** Exported functions that are not wasm calls, or are test hooks. */
const NOT_WASM = new Set(['init', 'initCore', 'ready', 'isReady', 'isFullReady', 'makeInit', 'discover', 'clearDiscoveryCache', '__panicForTests']);

function deep(depth) {
  let v = {};
  for (let i = 0; i < depth; i++) v = { a: v, domains: [v] };
  return v;
}

/** Values no caller should pass, each with a name for messages. */
function hostileValues() {
  const cyclic = { id: 'x' };
  cyclic.self = cyclic;
  cyclic.domains = [cyclic];
  const getter = {};
  for (const k of ['id', 'name', 'domains', 'incoming', 'outgoing', 'domain', 'protocol', 'hostname', 'port', 'security', 'email', 'srv', 'mx', 'autoconfig', 'devices', 'length', '0']) {
    Object.defineProperty(getter, k, { enumerable: true, get() { throw new Error(`getter ${k} throws`); } });
  }
  const traps = new Proxy({}, {
    get() { throw new Error('get trap'); },
    has() { throw new Error('has trap'); },
    ownKeys() { throw new Error('ownKeys trap'); },
    getOwnPropertyDescriptor() { throw new Error('descriptor trap'); },
    getPrototypeOf() { throw new Error('prototype trap'); },
  });
  const arrayTraps = new Proxy([], {
    get(t, k) { if (k === 'length') return 3; throw new Error('array get trap'); },
    getPrototypeOf() { throw new Error('array prototype trap'); },
  });
  const throwingArray = [1, 2, 3];
  Object.defineProperty(throwingArray, 1, { get() { throw new Error('element getter'); } });
  const lyingArray = [];
  Object.defineProperty(lyingArray, 'length', { value: 2 ** 32 - 1 });
  const badToString = { toString() { throw new Error('toString'); }, valueOf() { throw new Error('valueOf'); } };
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const hostileThrow = new Proxy({}, { get() { throw new Proxy({}, { get() { throw new Error('nested'); } }); } });
  return [
    ['undefined', undefined], ['null', null], ['true', true], ['0', 0], ['-0', -0], ['NaN', NaN],
    ['Infinity', Infinity], ['-Infinity', -Infinity], ['1e308', 1e308], ['2**53', 2 ** 53], ['-1', -1], ['1.5', 1.5],
    ['65536', 65536], ['empty string', ''], ['spaces', '   '], ['1 MB string', 'a'.repeat(1 << 20)],
    ['1 MB address', `${'a'.repeat(1 << 20)}@example.com`], ['NUL', '\u0000'], ['lone surrogate', '\uD800@example.com'],
    ['bidi override', 'ana@exa\u202Emple.com'], ['markup', '<img src=x onerror="globalThis.__xss=true">'],
    ['symbol', Symbol('x')], ['bigint', 10n], ['function', () => { globalThis.__xss = true; }],
    ['String object', new String('gmail.com')], ['Number object', new Number(993)], ['empty array', []],
    ['numbers array', [1, 2, 3]], ['sparse huge array', new Array(1e6)], ['dense big array', new Array(70000).fill('a.com')],
    ['array with a throwing element', throwingArray], ['array claiming 2**32-1 elements', lyingArray],
    ['proxied array', arrayTraps], ['empty object', {}], ['null-prototype object', Object.create(null)],
    ['deep object', deep(5000)], ['cyclic object', cyclic], ['object with throwing getters', getter],
    ['proxy with throwing traps', traps], ['object with throwing toString', badToString],
    ['revoked proxy', revocable.proxy], ['proxy throwing a hostile value', hostileThrow],
    ['Buffer-like Uint8Array subclass', new (class extends Uint8Array {})(8)],
    ['symbol keys', { [Symbol('k')]: 1 }], ['frozen object', Object.freeze({ id: 'f' })],
    ['Uint8Array 70000', new Uint8Array(70000)], ['ArrayBuffer', new ArrayBuffer(16)], ['DataView', new DataView(new ArrayBuffer(4))],
    ['Date', new Date(0)], ['RegExp', /x/], ['Map', new Map([['id', 'x']])], ['Promise', Promise.resolve(1)],
    ['Error', new Error('e')],
  ];
}

/** Calls `fn`; returns 'ok' or describes the error, failing on an untyped one. */
function attempt(name, label, fn) {
  try {
    fn();
    return 'ok';
  } catch (e) {
    assert.ok(e instanceof Error, `${name}(${label}) threw a non-Error: ${String(e)}`);
    assert.equal(e.name, 'MailportsError', `${name}(${label}) threw ${e.name}: ${e.message}`);
    assert.equal(typeof e.code, 'string', `${name}(${label}) threw without a code`);
    assert.match(e.code, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(e.message.length > 0 && e.message.length < 2000, `${name}(${label}): message of ${e.message.length} chars`);
    return e.code;
  }
}

/** The next calls work, and the canary provider is still registered. */
function assertHealthy(after) {
  assert.equal(api.lookupPort(993)?.port, 993, `lookupPort after ${after}`);
  assert.equal(api.lookupProvider('ana@canary-isp.test')?.id, 'canary-isp', `registered provider kept after ${after}`);
  assert.equal(api.suggestDomain('ana@gmial.com')?.domain, 'gmail.com', `suggestDomain after ${after}`);
}

test('every export is covered by this test', () => {
  const exported = Object.keys(api).filter((k) => typeof api[k] === 'function' && !NOT_WASM.has(k)).sort();
  assert.deepEqual(exported, Object.keys(validArgs()).sort());
});

test('every export takes its valid arguments', () => {
  for (const [name, args] of Object.entries(validArgs())) {
    assert.equal(attempt(name, 'valid arguments', () => api[name](...args)), 'ok', name);
  }
});

test('hostile values in every argument: a typed error or an answer, and the next call works', () => {
  api.registerProvider(CANARY);
  const codes = {};
  for (const [name, valid] of Object.entries(validArgs())) {
    // Each argument position in turn (one more than declared, for extra arguments).
    for (let pos = 0; pos <= valid.length; pos++) {
      for (const [label, value] of hostileValues()) {
        const args = [...valid];
        args[pos] = value;
        const code = attempt(name, `${label} at ${pos}`, () => api[name](...args));
        codes[code] = (codes[code] ?? 0) + 1;
        assert.notEqual(code, 'internal', `${name}(${label} at ${pos}) crashed the core`);
        assertHealthy(`${name}(${label} at ${pos})`);
      }
    }
  }
  assert.equal(globalThis.__xss, undefined);
  // The values were refused for real, with several different codes.
  assert.ok(codes['invalid-argument'] > 100 && codes['invalid-port'] > 0 && codes['too-long'] > 0, JSON.stringify(codes));
});

test('hostile values inside records and settings: typed errors, and the next call works', () => {
  api.registerProvider(CANARY);
  const base = validArgs();
  const cases = [];
  for (const [label, value] of hostileValues()) {
    for (const key of ['id', 'name', 'domains', 'incoming', 'outgoing', 'status', 'requirements', 'mx']) {
      cases.push(['registerProvider', `${key}: ${label}`, [{ ...CANARY, id: 'hostile-isp', domains: ['hostile-isp.test'], [key]: value }]]);
    }
    for (const key of ['protocol', 'hostname', 'port', 'security', 'username', 'auth']) {
      const srv = { ...server('imap', 'imap.hostile.test', 993), [key]: value };
      cases.push(['registerProvider', `incoming[0].${key}: ${label}`, [{ ...CANARY, id: 'hostile-isp', domains: ['hostile-isp.test'], incoming: [srv] }]]);
      cases.push(['exportConfig', `incoming[0].${key}: ${label}`, [{ ...base.exportConfig[0], incoming: [srv] }, 'json']]);
    }
    for (const key of ['domain', 'name', 'shortName', 'incoming']) {
      cases.push(['exportConfig', `settings.${key}: ${label}`, [{ ...base.exportConfig[0], [key]: value }, 'thunderbird-autoconfig']]);
    }
    for (const key of ['email', 'identifier', 'organization', 'ttl']) {
      cases.push(['exportConfig', `options.${key}: ${label}`, [base.exportConfig[0], 'apple-mobileconfig', { [key]: value }]]);
    }
    for (const key of ['srv', 'mx', 'autoconfig']) {
      cases.push(['decideDiscovery', `fetched.${key}: ${label}`, ['ana@example.com', { [key]: value }]]);
      cases.push(['decideDiscovery', `fetched.${key}[0]: ${label}`, ['ana@example.com', { [key]: [value] }]]);
    }
    for (const key of ['devices', 'blockedPorts', 'sends', label]) {
      cases.push(['recommend', `needs.${key}: ${label}`, [{ [key]: value }]]);
    }
    cases.push(['recommend', `blockedPorts[0]: ${label}`, [{ blockedPorts: [value] }]]);
    cases.push(['listPorts', `filter.protocol: ${label}`, [{ protocol: value }]]);
    cases.push(['suggestDomain', `options.domains[0]: ${label}`, ['ana@gmial.com', { domains: [value] }]]);
    cases.push(['matchMx', `hosts[0]: ${label}`, [[value]]]);
  }
  const codes = {};
  for (const [name, label, args] of cases) {
    const code = attempt(name, label, () => api[name](...args));
    codes[code] = (codes[code] ?? 0) + 1;
    assert.notEqual(code, 'internal', `${name}(${label}) crashed the core`);
    assertHealthy(`${name}(${label})`);
  }
  assert.ok(codes['invalid-provider'] > 50 && codes['invalid-argument'] > 100, JSON.stringify(codes));
});

test('after a trap the core is replaced, works, and keeps the registered providers', () => {
  api.registerProvider(CANARY);
  const before = wasm();
  for (let i = 0; i < 3; i++) {
    assert.equal(attempt('__panicForTests', 'none', () => api.__panicForTests()), 'internal');
  }
  assertHealthy('three traps');
  return before.then((b) => wasm().then((a) => assert.notEqual(a, b, 'a fresh instance')));
});

test('100,000 mixed calls: wasm memory and the JS reference table stop growing', async () => {
  api.registerProvider(CANARY);
  const calls = [
    () => api.lookupProvider('ana@gmail.com'),
    () => api.lookupProvider('ana@canary-isp.test'),
    () => api.lookupProvider('someone@unknown-domain.example'),
    () => api.lookupProvider('not an address'),
    () => api.suggestDomain('ana@gmial.com'),
    () => api.suggestDomain('ana@hotmail.com'),
    () => api.suggestDomain('ana@', { domains: ['example.com'] }),
    () => api.lookupPort(993),
    () => api.lookupPort(8080),
    () => api.lookupPort(NaN),
    () => api.lookupPort('993'),
    () => api.normalizeAddress('Ana@Bücher.de'),
    () => api.normalizeAddress('x'.repeat(5000)),
    () => api.recommend({ devices: 1, offline: true }),
    () => api.recommend({ devices: -1 }),
    () => api.registerProvider({ ...CANARY, id: 'churn-isp', domains: ['churn-isp.test'] }),
    () => api.registerProvider({ ...CANARY, id: 'bad id!' }),
    () => api.exportConfig(validArgs().exportConfig[0], 'thunderbird-autoconfig'),
    () => api.exportConfig({ domain: 'example.com' }, 'json'),
    () => api.dnsParse(validArgs().dnsParse[0], 'example.com', 'MX'),
    () => api.dnsParse(new Uint8Array(5), 'example.com', 'MX'),
    () => api.decideDiscovery('ana@example.com', { srv: [], mx: null, autoconfig: ['<clientConfig>'] }),
  ];
  const samples = [];
  const tables = [];
  let errors = 0;
  for (let i = 1; i <= 100_000; i++) {
    try {
      calls[i % calls.length]();
    } catch (e) {
      assert.equal(e.name, 'MailportsError');
      assert.notEqual(e.code, 'internal');
      errors += 1;
    }
    if (i % 10_000 === 0) {
      const w = await wasm();
      samples.push(w.memory.buffer.byteLength);
      tables.push(w.__wbindgen_externrefs?.length ?? 0);
    }
  }
  assert.ok(errors > 20_000, `errors were part of the mix (${errors})`);
  assert.equal(samples.length, 10);
  // After warm-up (the first half), nothing grows any more.
  assert.deepEqual(samples.slice(5), Array(5).fill(samples[5]), `memory samples: ${samples.join(', ')}`);
  assert.deepEqual(tables.slice(5), Array(5).fill(tables[5]), `reference table samples: ${tables.join(', ')}`);
  assert.ok(samples[9] < 64 * 1024 * 1024, `memory stays small (${samples[9]} bytes)`);
  assertHealthy('100,000 calls');
});
