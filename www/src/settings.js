// The Find my settings view of <mail-ports>: an address -> the provider's
// servers, where the facts come from, its requirements, typo suggestions,
// setup files, and (opt-in) discovery for domains the database does not know.
import * as api from './api.js';
import { h } from './dom.js';
import { fmt, orList, andList } from './i18n.js';
import { provenance } from './provenance.js';
import { choices } from './recommend.js';

// The longest address there is (RFC 5321 §4.5.3.1: 64 + 1 + 255 octets).
const MAX_ADDRESS = 320;

/** The view's contents, for its panel. `oninput` reports typing to the element. */
export function buildSettings(ui, oninput) {
  const { t, el, s } = ui;
  const rec = s.provider ? providerRecord(ui) : null;
  el.email = h('input', {
    id: 'email', type: 'email', inputmode: 'email', dir: 'ltr', autocomplete: 'email', spellcheck: 'false', autocapitalize: 'off',
    placeholder: t.emailPlaceholder, 'aria-describedby': 'email-hint', oninput,
  });
  el.email.value = s.email;
  el.settings = h('div', { part: 'result', class: 'out' });
  el.discovery = h('p', { part: 'discovery', class: 'muted', hidden: true });
  el.setup = h('div', { part: 'setup' });
  return [
    h('div', { class: 'field' },
      h('label', { for: 'email' }, t.emailLabel),
      el.email,
      h('p', { id: 'email-hint', class: 'hint' }, rec ? fmt(t.emailHintProvider, { name: rec.name }) : s.dohUrl ? t.emailHintDiscovery : t.emailHint)),
    el.discovery, el.settings, el.setup,
  ];
}

/** Shows (or with no text, hides) the `part="discovery"` progress line. */
export function showDiscovery(ui, text) {
  const d = ui.el.discovery;
  if (!d) return;
  d.textContent = text ?? '';
  d.hidden = !text;
}

/** The summary ({ id, name, domains, … }) of the provider the `provider` attribute names, or null. */
export function providerRecord(ui) {
  const p = ui.s.provider;
  if (!p) return null;
  if (ui.el.only?.key !== p) {
    let only = null;
    try {
      only = api.listProviders().find((r) => r.id === p || r.domains?.includes(p)) ?? null;
    } catch {}
    ui.el.only = { key: p, only };
  }
  return ui.el.only.only;
}

/** Answers the typed address. `onRecEmail()` runs when the address Recommend answers for changes. */
export function renderSettings(ui, quiet, onRecEmail) {
  const { t, el } = ui;
  const out = el.settings;
  if (!out) return;
  const raw = ui.s.email.trim();
  const domain = raw.slice(raw.lastIndexOf('@') + 1).toLowerCase();
  const only = ui.s.provider;
  let rec = null;
  let suggestion = null;
  let error = null;
  // Nothing to say until the domain looks complete (a dot and a 2+ letter end);
  // text longer than any address goes to the core at once, which refuses it.
  if (raw.length > MAX_ADDRESS || /[^.]\.[^.]{2,}$/.test(domain)) {
    try {
      rec = api.lookupProvider(raw);
      if (!rec) {
        const mine = only && providerRecord(ui);
        suggestion = api.suggestDomain(raw, mine ? { domains: mine.domains } : undefined);
      }
    } catch (e) {
      error = e;
    }
  } else if (raw) {
    rec = false; // still typing
  }
  const status = !raw || rec === false ? 'empty' : error ? 'error' : !rec ? 'unknown'
    : only && rec.id !== (providerRecord(ui)?.id ?? only) ? 'other-provider' : 'found';
  // Same answer as for the previous keystroke: leave the DOM (and focus) alone.
  const key = JSON.stringify([status, rec, suggestion, error?.code, error?.message, domain, ui.s.dohUrl, ui.s.autoconfigProxy]);
  if (key === el.settingsKey) return;
  el.settingsKey = key;
  el.record = status === 'found' ? rec : null;
  // Recommend answers for the provider of the address typed here.
  const recEmail = status === 'found' && rec.id ? raw : '';
  if (recEmail !== (el.recEmail ?? '')) {
    el.recEmail = recEmail;
    onRecEmail();
  }
  el.setup.replaceChildren();
  showDiscovery(ui, '');
  const nodes = [];
  if (suggestion) {
    const [before, after] = t.didYouMean.split('{address}'); // the question's words and mark are the locale's
    nodes.push(h('p', { part: 'suggestion', class: 'card warn' },
      before,
      h('button', { type: 'button', class: 'link', dir: 'ltr', onclick: () => { ui.host.email = suggestion.full; el.email.focus(); } }, suggestion.full),
      after));
  }
  if (status === 'error') nodes.push(h('p', { class: 'card bad', part: 'error' }, ui.errorText(error)));
  else if (status === 'other-provider') {
    nodes.push(h('p', { class: 'card warn', part: 'unknown' }, fmt(t.otherProvider, { name: rec.name, mine: providerRecord(ui)?.name ?? only })));
  } else if (status === 'found') nodes.push(providerView(ui, rec));
  else if (status === 'unknown') nodes.push(unknownView(ui, domain));
  out.replaceChildren(...nodes);
  if (status === 'found') setup(ui, rec, raw);
  ui.cancel(el.discTimer);
  const gen = ++ui.gen; // older discoveries are ignored
  // Opt-in discovery (DISCOVERY.md), once typing pauses, for a domain the database does not know.
  if (status === 'unknown' && !suggestion && !only && ui.s.dohUrl) {
    el.discTimer = ui.later(() => discover(ui, raw, domain, gen), 400);
  }
  if (status === 'empty') {
    if (!quiet) ui.announce('');
    return;
  }
  if (!quiet) ui.announce(status === 'found' ? found(ui, rec) : nodes.map((n) => n.textContent).join(' '));
  ui.fire('result', {
    view: 'settings', email: raw, status, provider: status === 'found' ? rec : null, suggestion: suggestion?.full ?? null,
    ...(error && { error: error.code ?? 'error' }),
  });
}

/** What the live region says for found settings: the provider and its first incoming server. */
function found(ui, rec) {
  const first = rec.incoming?.[0];
  return first ? fmt(ui.t.foundAnnounce, { name: rec.name, host: first.hostname, port: first.port, sec: ui.secText(first.security) }) : '';
}

function discover(ui, raw, domain, gen) {
  const d = ui.t.disc;
  const running = new Set();
  const live = () => gen === ui.gen;
  // discover() reports a module that cannot be loaded as an error of its own.
  ui.full().catch(() => {}).then(() => api.discover(raw, {
    dohUrl: ui.s.dohUrl, proxyTemplate: ui.s.autoconfigProxy || undefined, timeoutMs: ui.host.discoveryTimeout,
    onProgress: ({ step, state }) => {
      if (step === 'database' || !live()) return;
      running[state === 'start' ? 'add' : 'delete'](step);
      showDiscovery(ui, running.size ? fmt(d.progress, { domain, steps: andList(ui.lang, [...running].map((x) => d.step[x])) }) : '');
    },
  })).then((r) => {
    if (!live()) return;
    showDiscovery(ui, '');
    const s = r.settings;
    const out = ui.el.settings;
    if (!r.source || !s) {
      const why = [...r.errors, ...r.notes].find((x) => d.errors[x.code]);
      const text = why ? `${fmt(d.failed, { domain })} ${d.errors[why.code]}` : fmt(d.none, { domain });
      out.prepend(h('p', { class: 'card warn', part: 'discovery-error' }, text));
      ui.announce(text);
      return;
    }
    const rec = { ...s, name: s.name || s.domain };
    ui.el.record = rec;
    out.replaceChildren(h('p', { part: 'discovery-source', class: 'card good' }, d.source[r.source]), providerView(ui, rec));
    setup(ui, rec, raw);
    ui.announce(found(ui, rec));
    ui.fire('result', { view: 'settings', email: raw, status: 'found', provider: rec, suggestion: null, source: r.source });
  });
}

function providerView(ui, rec) {
  const t = ui.t;
  const servers = [...(rec.incoming ?? []).map((s) => [s, 'incoming']), ...(rec.outgoing ?? []).map((s) => [s, 'outgoing'])];
  const main = [servers.find(([, k]) => k === 'incoming'), servers.find(([, k]) => k === 'outgoing')].filter(Boolean);
  // Other servers of the preferred source, then what other sources say where they disagree.
  const more = [...servers.filter((x) => !main.includes(x)),
    ...(rec.alternatives ?? []).map((a) => [a.server, a.server.protocol === 'smtp' ? 'outgoing' : 'incoming', a.source])];
  const reqs = rec.requirements ?? [];
  const warn = t.providerStatus[rec.status];
  const from = provenance(rec, t.provenance);
  return h('div', { part: 'provider', class: 'out' },
    h('h2', null, rec.name, ' ', h('span', { class: 'muted' }, '(', h('bdi', { dir: 'ltr' }, rec.domain), ')')),
    from && h('p', { part: 'provenance', class: `muted${from.old ? ' old' : ''}` }, from.text),
    (warn || reqs.length > 0) && h('div', { part: 'requirements', class: 'card warn' },
      h('h3', null, t.requirements),
      warn && h('p', { part: 'provider-status' }, fmt(warn, { name: rec.name })),
      reqs.length > 0 && h('ul', null, reqs.map((code) => h('li', null, t.req[code] ?? code)))),
    h('div', { class: 'cards' }, main.map(([s, k]) => serverCard(ui, s, `${k} primary`))),
    more.length > 0 && h('details', {
      part: 'more',
      ontoggle: (e) => {
        const d = e.currentTarget; // filled on first opening: less to build per keystroke
        if (d.open && !d.lastChild.matches('.cards')) d.append(h('div', { class: 'cards' }, more.map(([s, k, source]) => serverCard(ui, s, k, source))));
      },
    }, h('summary', null, fmt(t.moreServers, { n: more.length }))));
}

/** One server; `source` names where an alternative comes from. */
function serverCard(ui, s, kind, source) {
  const t = ui.t;
  const plain = s.security === 'plaintext';
  const code = (part, text) => h('code', { part, dir: 'ltr' }, text);
  return h('div', { class: `card ${plain ? 'bad' : 'good'}`, part: `server ${kind}${source ? ' alternative' : ''}` },
    h('h3', null, `${t[kind.split(' ')[0]]} · ${t.proto[s.protocol] ?? s.protocol}`),
    source && h('p', { part: 'server-source', class: 'muted' }, fmt(t.altFrom, { source: t.sourceName[source] ?? source })),
    h('dl', null,
      ui.pair(t.field.hostname, code('hostname', s.hostname), 'hostname'),
      ui.pair(t.field.port, code('port', String(s.port)), 'port'),
      ui.pair(t.security, h('span', { part: 'security' }, ui.secText(s.security))),
      ui.pair(t.field.username, code('username', s.username), 'username'),
      s.auth?.length > 0 && ui.pair(t.signIn, orList(ui.lang, s.auth.map((a) => t.auth[a] ?? a)))));
}

/**
 * "Set up automatically": the Apple profile, and for administrators the
 * autoconfig file and SRV records. The files are made on the first click,
 * when the full module and setup-files.js are fetched: a visitor who never
 * asks for one never downloads them.
 */
function setup(ui, rec, email) {
  const t = ui.t;
  const s = t.setup;
  const file = async (format) => {
    await ui.full();
    return api.exportConfig(rec, format, { email });
  };
  /** A button that runs `action`; if that fails, the button gives way to the reason. */
  const button = (label, aria, action) => {
    const b = h('button', { type: 'button', class: 'b', 'aria-label': aria }, label);
    b.onclick = async () => {
      try {
        await action();
      } catch (e) {
        const text = ui.errorText(e);
        b.replaceWith(h('span', { part: 'error' }, text));
        ui.announce(text, true);
      }
    };
    return b;
  };
  const download = (format, label, aria) => button(label, aria, async () => {
    const [f, { downloadFile }] = await Promise.all([file(format), import('./setup-files.js')]);
    downloadFile(f, { container: ui.host.shadowRoot });
  });
  const admin = [['autoconfig', 'thunderbird-autoconfig'], ['dns-srv', 'dns-srv']].map(([field, format]) =>
    h('li', null, h('span', null, s[field]), ' ',
      download(format, s.download, fmt(s.downloadLabel, { what: t.field[field] })), ' ',
      ui.copy(field, async () => (await file(format)).content)));
  // Apple's profile can only carry a password: for a provider that takes
  // none, say what works instead of offering a file that cannot sign in.
  const apple = rec.status === 'oauth-only'
    ? [h('p', { part: 'oauth-only' }, fmt(s.oauthOnly, { name: rec.name }))]
    : [h('p', { class: 'hint' }, s.appleHint), h('p', null, download('apple-mobileconfig', s.apple))];
  ui.el.setup.replaceChildren(h('div', { class: 'card' },
    h('h2', null, s.title),
    ...apple,
    h('details', { part: 'setup-admin' }, h('summary', null, s.admin), h('p', { class: 'hint' }, s.adminHint), h('ul', null, admin))));
}

function unknownView(ui, domain) {
  const t = ui.t;
  return h('div', { part: 'unknown', class: 'card' },
    h('h2', null, fmt(t.unknownTitle, { domain })),
    h('p', null, t.unknownBody),
    guesses(ui, domain),
    choices(ui, ui.el.standard ??= api.recommend({})),
    h('p', null, h('button', { type: 'button', class: 'b', onclick: () => ui.pick('recommend', true) }, t.unknownAction)));
}

/**
 * The host names providers most often use, marked as guesses. The URL
 * parser gives the domain in its ASCII (punycode) form, as mail apps want it.
 */
function guesses(ui, domain) {
  const t = ui.t;
  let ascii;
  try {
    ascii = new URL(`http://${domain}/`).hostname;
  } catch {
    return null;
  }
  const row = (kind, hosts) => h('li', null, `${t[kind]}: `, hosts.map((x, i) => [i ? ', ' : '', h('code', { dir: 'ltr' }, x)]));
  return h('div', { part: 'guesses' },
    h('h3', null, t.guessTitle),
    h('p', { class: 'hint' }, t.guessBody),
    h('ul', null, row('incoming', [`imap.${ascii}`, `mail.${ascii}`]), row('outgoing', [`smtp.${ascii}`, `mail.${ascii}`])));
}
