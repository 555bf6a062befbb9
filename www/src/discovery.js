// Opt-in discovery of a custom domain's mail settings.
//
// The wasm core decides what to ask and reads the answers; this module only
// fetches. Nothing here touches the network unless the caller passes a
// `dohUrl` (a DNS-over-HTTPS resolver, RFC 8484): with discovery off, a
// domain that is not in the provider database gets a `discovery-off` error
// and no request is made. See DISCOVERY.md for the resolvers that allow
// cross-origin requests and for the privacy note.
// Loaded on first use by lazy.js, once the full module is in use.
import * as core from './core.js';
import { DISCOVERY_STEPS, failure } from './lazy.js';

const DEFAULT_TIMEOUT_MS = 3000;
const MAX_TIMEOUT_MS = 60000;
const MAX_AUTOCONFIG_BYTES = 256 * 1024;
const MAX_DNS_BYTES = 65535;

/** Answers per domain (and resolver), for the page's life. */
const cache = new Map();

/** Forgets every cached answer (tests; or a page that changes resolver policy). */
export function clearDiscoveryCache() {
  cache.clear();
}

const problem = (code, message, step) => (step ? { code, message, step } : { code, message });

function fromError(e, step) {
  if (e && typeof e.code === 'string' && typeof e.message === 'string') return problem(e.code, e.message, step);
  return problem('internal', `discovery failed unexpectedly: ${e?.message ?? String(e)}`, step);
}

/** True for http(s) URLs allowed to receive requests: HTTPS, or HTTP on the loopback address. */
function allowedUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  if (url.protocol === 'https:') return url;
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  return url.protocol === 'http:' && loopback ? url : null;
}

function base64url(bytes) {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const seconds = (ms) => `${Number((ms / 1000).toFixed(1))} s`;

class Timeout extends Error {}
class Superseded extends Error {}

/**
 * Runs `work(signal)` with its own time limit. Aborts on timeout or when
 * `outer` aborts, and also settles if `work` ignores its signal.
 */
function limited(work, timeoutMs, outer) {
  const ctl = new AbortController();
  let timer;
  let onOuter;
  const stop = new Promise((_, reject) => {
    timer = setTimeout(() => {
      ctl.abort();
      reject(new Timeout());
    }, timeoutMs);
    onOuter = () => {
      ctl.abort();
      reject(new Superseded());
    };
    if (outer.aborted) onOuter();
    else outer.addEventListener('abort', onOuter, { once: true });
  });
  return Promise.race([Promise.resolve().then(() => work(ctl.signal)), stop]).finally(() => {
    clearTimeout(timer);
    outer.removeEventListener('abort', onOuter);
  });
}

/** One DNS question over DoH (RFC 8484 GET). Resolves to the answer's bytes; throws problems. */
async function dohQuery(ctx, name, type, step) {
  const url = new URL(ctx.dohUrl);
  url.searchParams.set('dns', base64url(core.dnsQuery(name, type)));
  let bytes;
  try {
    bytes = await limited(async (signal) => {
      const res = await ctx.fetch(url.href, {
        method: 'GET',
        headers: { accept: 'application/dns-message' },
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        signal,
      });
      if (!res.ok) {
        throw problem('dns-http-error', `the DNS resolver answered with HTTP status ${res.status}`, step);
      }
      const length = Number(res.headers?.get?.('content-length') ?? 0);
      if (length > MAX_DNS_BYTES) {
        throw problem('dns-too-large', `the DNS answer is ${length} bytes, more than a DNS message can hold`, step);
      }
      const body = new Uint8Array(await res.arrayBuffer());
      if (body.length > MAX_DNS_BYTES) {
        throw problem('dns-too-large', `the DNS answer is ${body.length} bytes, more than a DNS message can hold`, step);
      }
      return body;
    }, ctx.timeoutMs, ctx.signal);
  } catch (e) {
    if (e instanceof Timeout) {
      throw problem('dns-timeout', `the DNS resolver did not answer within ${seconds(ctx.timeoutMs)}`, step);
    }
    if (e instanceof Superseded) throw e;
    if (e?.code) throw e;
    throw problem('dns-network', `the DNS resolver could not be reached (${e?.message ?? 'network error'})`, step);
  }
  return bytes;
}

/** Keeps the first problem of each code per step, so six timeouts read as one. */
function addProblem(list, p) {
  if (!list.some((q) => q.code === p.code && q.step === p.step)) list.push(p);
}

const sideOf = (settings, side) => (Array.isArray(settings?.[side]) ? settings[side] : []);

// ---- the three network lookups: each fills `raw` and records network problems

async function autoconfigStep(ctx) {
  const urls = ctx.plan.autoconfig;
  ctx.raw.autoconfig = urls.map(() => null);
  await Promise.all(urls.map(async (url, i) => {
    const target = ctx.proxyTemplate ? ctx.proxyTemplate.split('{url}').join(encodeURIComponent(url)) : url;
    try {
      ctx.raw.autoconfig[i] = await limited(async (signal) => {
        const res = await ctx.fetch(target, { credentials: 'omit', referrerPolicy: 'no-referrer', signal });
        if (!res.ok) return null; // most domains have no autoconfig file: not a problem
        const text = await res.text();
        if (text.length > MAX_AUTOCONFIG_BYTES) {
          throw problem('autoconfig-too-large', `the autoconfig file at ${url} is larger than 256 KB`, 'autoconfig');
        }
        return text;
      }, ctx.timeoutMs, ctx.signal);
    } catch (e) {
      if (e instanceof Superseded) return;
      if (e instanceof Timeout) {
        addProblem(ctx.errors, problem('autoconfig-timeout',
          `the autoconfig server for ${ctx.plan.domain} did not answer within ${seconds(ctx.timeoutMs)}`, 'autoconfig'));
      } else if (e?.code) {
        addProblem(ctx.errors, e);
      }
      // Otherwise no such host, or no CORS headers: the domain has no usable autoconfig.
    }
  }));
}

async function dnsStep(ctx, step) {
  const questions = ctx.plan.dns.filter((q) => q.step === step);
  const answers = await Promise.all(questions.map(async (q) => {
    try {
      return await dohQuery(ctx, q.name, q.recordType, step);
    } catch (e) {
      if (!(e instanceof Superseded)) addProblem(ctx.errors, fromError(e, step));
      return null;
    }
  }));
  if (step === 'srv') ctx.raw.srv = answers;
  else ctx.raw.mx = answers[0];
}

// ---- the public function ---------------------------------------------------

/**
 * Finds the mail settings of an address or domain.
 *
 * With no `dohUrl`, only the built-in provider database is used and nothing
 * leaves the page. With a `dohUrl`, the domain's autoconfig file, SRV records
 * and MX records are looked up in parallel, each within `timeoutMs`, and the
 * most trustworthy answer wins (database → autoconfig → SRV → MX).
 *
 * Never rejects: problems come back in `errors` as `{ code, message, step }`.
 *
 * @param {string} input an address (`jane@acme-dental.com`) or a domain
 * @param {{ dohUrl?: string, proxyTemplate?: string, timeoutMs?: number,
 *   fetch?: typeof fetch, onProgress?: (p: { step: string, state: string }) => void }} [options]
 * @returns {Promise<{ domain: string | null, source: 'database' | 'autoconfig' | 'srv' | 'mx' | null,
 *   settings: object | null, notes: { code: string, message: string }[],
 *   errors: { code: string, message: string, step?: string }[] }>}
 */
export async function discover(input, options = {}) {
  try {
    return await run(input, options ?? {});
  } catch (e) {
    return failure(fromError(e));
  }
}

async function run(input, options) {
  const { dohUrl, proxyTemplate, onProgress } = options;
  const progress = (step, state) => {
    try {
      onProgress?.({ step, state });
    } catch {
      // a failing progress callback must not break discovery
    }
  };

  let plan;
  try {
    plan = core.discoveryPlan(typeof input === 'string' ? input : String(input ?? ''));
  } catch (e) {
    return failure(fromError(e));
  }

  // 1. The database: local, instant, no network.
  progress('database', 'start');
  const known = typeof core.lookupProvider === 'function' ? safe(() => core.lookupProvider(plan.address ?? plan.domain)) : null;
  if (known && (sideOf(known, 'incoming').length || sideOf(known, 'outgoing').length)) {
    progress('database', 'found');
    return {
      domain: plan.domain,
      source: 'database',
      settings: known,
      notes: [problem('found-in-database', `these are ${known.name}'s settings from the mailports provider database`)],
      errors: [],
    };
  }
  progress('database', 'none');

  // 2. Off unless the page chose a resolver.
  if (dohUrl == null || dohUrl === '') {
    for (const step of DISCOVERY_STEPS.slice(1)) progress(step, 'off');
    return failure(problem('discovery-off',
      `${plan.unicodeDomain} is not in the provider database, and looking up its settings online is switched off on this page`),
    plan.domain);
  }
  const doh = allowedUrl(String(dohUrl));
  if (!doh) {
    return failure(problem('invalid-doh-url', 'the DNS-over-HTTPS resolver must be an https:// URL'), plan.domain);
  }
  if (proxyTemplate != null && proxyTemplate !== ''
    && (!String(proxyTemplate).includes('{url}') || !allowedUrl(String(proxyTemplate).split('{url}').join('x')))) {
    return failure(problem('invalid-proxy-template',
      'the autoconfig proxy must be an https:// URL template containing {url}'), plan.domain);
  }
  const t = Number(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const timeoutMs = Number.isFinite(t) && t > 0 ? Math.min(t, MAX_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
  const fetchFn = options.fetch ?? globalThis.fetch?.bind(globalThis);
  if (typeof fetchFn !== 'function') {
    return failure(problem('no-fetch', 'this environment has no fetch() to reach the DNS resolver'), plan.domain);
  }

  // The fetched material is cached per domain (not the answer, which holds
  // the address in its user names).
  const input2 = plan.address ?? plan.domain;
  const key = `${plan.domain}\n${doh.href}\n${proxyTemplate ?? ''}`;
  let entry = cache.get(key);
  if (entry) {
    for (const step of DISCOVERY_STEPS.slice(1)) progress(step, 'cached');
  } else {
    entry = fetchAll(input2, plan, {
      plan, dohUrl: doh.href, proxyTemplate: proxyTemplate || null, timeoutMs, fetch: fetchFn, progress,
    });
    cache.set(key, entry);
  }
  const { raw, errors: networkErrors } = await entry;
  // Keep definite answers; forget transient failures so a retry can succeed.
  const transient = ['dns-timeout', 'dns-network', 'dns-http-error', 'autoconfig-timeout', 'internal'];
  if (networkErrors.some((e) => transient.includes(e.code))) cache.delete(key);

  const outcome = core.decideDiscovery(input2, raw);
  const errors = [...outcome.errors];
  for (const e of networkErrors) addProblem(errors, e);
  const settings = outcome.source
    ? { domain: plan.domain, name: outcome.name, provider: outcome.provider, incoming: outcome.incoming, outgoing: outcome.outgoing }
    : null;
  return { domain: plan.domain, source: outcome.source, settings, notes: outcome.notes, errors };
}

function safe(fn) {
  try {
    return fn();
  } catch {
    return null;
  }
}

/**
 * Runs autoconfig, SRV and MX in parallel; stops the rest once a more trusted
 * source has answered. Resolves to `{ raw, errors }`: what was fetched, and
 * the network problems (timeouts, failures) met on the way.
 */
async function fetchAll(input, plan, base) {
  const superseded = new AbortController();
  const ctx = { ...base, signal: superseded.signal, raw: { srv: [], mx: null, autoconfig: [] }, errors: [] };
  const steps = [
    ['autoconfig', () => autoconfigStep(ctx)],
    ['srv', () => dnsStep(ctx, 'srv')],
    ['mx', () => dnsStep(ctx, 'mx')],
  ];
  const settled = steps.map(() => false);
  await Promise.all(steps.map(([name, work], i) => {
    ctx.progress(name, 'start');
    return work().catch((e) => addProblem(ctx.errors, fromError(e, name))).then(() => {
      settled[i] = true;
      if (superseded.signal.aborted) {
        ctx.progress(name, 'skipped');
        return;
      }
      // What this step alone yields, for its progress state.
      const only = { srv: [], mx: null, autoconfig: [] };
      only[name] = ctx.raw[name];
      const own = core.decideDiscovery(input, only);
      const failed = ctx.errors.some((e) => e.step === name) || own.errors.length > 0;
      ctx.progress(name, own.source ? 'found' : failed ? 'failed' : 'none');
      // Once every more trusted step has settled, the first one with an
      // answer is final: cancel the lookups still running.
      const sofar = core.decideDiscovery(input, ctx.raw);
      const rank = DISCOVERY_STEPS.indexOf(sofar.source) - 1;
      if (rank >= 0 && settled.slice(0, rank + 1).every(Boolean)) superseded.abort();
    });
  }));
  return { raw: ctx.raw, errors: ctx.errors };
}
