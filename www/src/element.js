// <mail-ports>: find a provider's mail settings, look up a port, or get a
// recommendation. Open Shadow DOM, built with createElement/textContent only
// (no HTML parsing anywhere: safe under Trusted Types), one adopted stylesheet.
// The wasm and the active locale load on first connect; until then a skeleton
// holds the space. API reference: www/ELEMENT.md.
import * as api from './api.js';
import { h } from './dom.js';
import { styles } from './styles.js';
import { langOf, dirOf, loadLocale, fmt, orList, andList, LOADING, FAILED } from './i18n.js';
import { provenance } from './provenance.js';

const VIEWS = ['settings', 'ports', 'recommend'];
// Standard port for (protocol, security): RFC 8314 §3, RFC 6409, RFC 9051.
const STANDARD = {
  imap: { 'implicit-tls': 993, starttls: 143 },
  pop3: { 'implicit-tls': 995, starttls: 110 },
  smtp: { 'implicit-tls': 465, starttls: 587 },
};
// Recommender questions: need key -> answer values (the first is the default).
const QUESTIONS = {
  devices: [2, 1],
  offline: [false, true],
  sends: [true, false],
  push: [false, true],
  smallQuota: [false, true],
  exchange: [false, true],
  untrustedNetwork: [false, true],
};
// Reflected string properties -> attribute names.
const PROPS = {
  view: 'view', email: 'email', provider: 'provider', theme: 'theme', wasmUrl: 'wasm-url',
  dohUrl: 'doh-url', discoveryTimeout: 'discovery-timeout', autoconfigProxy: 'autoconfig-proxy',
};
const has = (name) => typeof api[name] === 'function';
// The longest address there is (RFC 5321 §4.5.3.1: 64 + 1 + 255 octets).
const MAX_ADDRESS = 320;

export class MailPortsElement extends HTMLElement {
  static observedAttributes = [...Object.values(PROPS), 'lang', 'dir', 'compact'];

  #s = {
    view: 'settings', email: '', provider: '', theme: '', wasmUrl: '', dohUrl: '', discoveryTimeout: '', autoconfigProxy: '',
    port: '', proto: 'imap', sec: 'implicit-tls',
  };
  #needs = Object.fromEntries(Object.entries(QUESTIONS).map(([k, v]) => [k, v[0]]));
  #t = null; // active message table
  #lang = '';
  #started = false;
  #reflecting = false;
  #el = {}; // named nodes of the built UI
  #timer = 0;
  #htmlLang = null;
  #gen = 0; // bumped on each new Find-my-settings answer: older discoveries are ignored
  #discTimer = 0;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    this.#skeleton();
  }

  connectedCallback() {
    // Properties set before the element was defined shadow the accessors.
    for (const p of [...Object.keys(PROPS), 'compact']) {
      if (Object.hasOwn(this, p)) {
        const v = this[p];
        delete this[p];
        this[p] = v;
      }
    }
    this.#htmlLang ??= new MutationObserver(() => this.#relocalize());
    this.#htmlLang.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
    if (this.#started) return this.#relocalize(); // moved: the language around it may differ
    this.#started = true;
    const lang = langOf(this);
    Promise.all([api.initCore(this.#s.wasmUrl || undefined), loadLocale(lang)]).then(
      ([, t]) => {
        this.#lang = lang;
        this.#t = t;
        this.#build();
        this.setAttribute('ready', '');
      },
      (e) => {
        this.#started = false;
        this.shadowRoot.replaceChildren(h('p', { role: 'alert', part: 'error', lang, dir: dirOf(this, lang) }, FAILED[lang]));
        console.error('mailports:', e);
      },
    );
  }

  disconnectedCallback() {
    this.#htmlLang?.disconnect();
  }

  /**
   * Loads the full module (setup files, discovery) on first need: from beside
   * `wasm-url` when the page set one, else from beside the JS.
   */
  #full() {
    const url = this.#s.wasmUrl;
    return api.init(url ? new URL('mailports_full_bg.wasm', new URL(url, document.baseURI)) : undefined);
  }

  attributeChangedCallback(name, old, val) {
    if (this.#reflecting || old === val) return;
    if (name === 'lang' || name === 'dir') return this.#relocalize();
    if (name === 'compact') return;
    const prop = Object.keys(PROPS).find((p) => PROPS[p] === name);
    this[prop] = val ?? '';
  }

  // ---- properties (the source of truth; attributes mirror them) ----

  get view() { return this.#s.view; }
  set view(v) {
    v = VIEWS.includes(v) ? v : 'settings';
    this.#set('view', v);
    this.#showView();
  }

  get email() { return this.#s.email; }
  set email(v) {
    this.#set('email', String(v ?? ''));
    if (this.#el.email && this.#el.email.value !== this.#s.email) this.#el.email.value = this.#s.email;
    this.#settings();
  }

  get provider() { return this.#s.provider; }
  set provider(v) {
    this.#set('provider', String(v ?? '').trim().toLowerCase());
    if (this.#t) this.#build();
  }

  get theme() { return this.#s.theme; }
  set theme(v) {
    this.#set('theme', v === 'light' || v === 'dark' ? v : '');
  }

  get wasmUrl() { return this.#s.wasmUrl; }
  set wasmUrl(v) {
    this.#set('wasmUrl', String(v ?? ''));
  }

  /** DNS-over-HTTPS resolver: turns on discovery for domains not in the database (DISCOVERY.md). */
  get dohUrl() { return this.#s.dohUrl; }
  set dohUrl(v) {
    this.#set('dohUrl', String(v ?? '').trim());
    this.#settings(true);
  }

  get autoconfigProxy() { return this.#s.autoconfigProxy; }
  set autoconfigProxy(v) {
    this.#set('autoconfigProxy', String(v ?? '').trim());
    this.#settings(true);
  }

  /** Time limit per discovery lookup in ms (default 3000). */
  get discoveryTimeout() { return Number(this.#s.discoveryTimeout) > 0 ? Number(this.#s.discoveryTimeout) : 3000; }
  set discoveryTimeout(v) { this.#set('discoveryTimeout', String(v ?? '').trim()); }

  get compact() { return this.hasAttribute('compact'); }
  set compact(v) { this.toggleAttribute('compact', !!v); }

  #set(prop, v) {
    this.#s[prop] = v;
    const attr = PROPS[prop];
    if ((this.getAttribute(attr) ?? '') === v) return;
    this.#reflecting = true;
    if (v) this.setAttribute(attr, v);
    else this.removeAttribute(attr);
    this.#reflecting = false;
  }

  // ---- extension points for later features (see ELEMENT.md) ----

  /** The empty `part="setup"` container of the Find-my-settings view. */
  get _setupArea() { return this.#el.setup ?? null; }

  /** Shows (or with no text, hides) the `part="discovery"` progress line. */
  _setDiscovery(text) {
    const d = this.#el.discovery;
    if (!d) return;
    d.textContent = text ?? '';
    d.hidden = !text;
  }

  /** The last provider record shown in Find my settings (or null). */
  get _provider() { return this.#el.record ?? null; }

  // ---- building ----

  #skeleton() {
    const lang = langOf(this);
    this.shadowRoot.replaceChildren(
      h('div', { class: 'sk', part: 'skeleton', 'aria-busy': 'true', lang, dir: dirOf(this, lang) },
        h('span', { class: 'sr', role: 'status' }, LOADING[lang]), h('i'), h('i'), h('i'), h('i')),
    );
  }

  #relocalize() {
    const lang = langOf(this);
    if (!this.#t) return;
    if (lang === this.#lang) {
      const dir = dirOf(this, lang); // the language is the same, the direction may not be
      return dir ? this.#el.root.setAttribute('dir', dir) : this.#el.root.removeAttribute('dir');
    }
    this.#lang = lang;
    loadLocale(lang).then((t) => {
      if (this.#lang !== lang) return;
      this.#t = t;
      this.#build();
    }, (e) => console.error('mailports:', e));
  }

  #build() {
    const t = this.#t;
    const el = (this.#el = {});
    const focused = this.shadowRoot.activeElement?.id;
    const tabs = VIEWS.map((v) =>
      h('button', { type: 'button', role: 'tab', id: `t-${v}`, 'aria-controls': `p-${v}`, part: 'tab', onclick: () => this.#pick(v) }, t.tabs[v]));
    el.tabs = tabs;
    const panel = (v, ...kids) => h('section', { role: 'tabpanel', id: `p-${v}`, 'aria-labelledby': `t-${v}`, part: `panel ${v}` }, ...kids);
    el.status = h('div', { class: 'sr', role: 'status', part: 'status' });

    // Find my settings
    const rec = this.#s.provider ? this.#providerRecord() : null;
    el.email = h('input', {
      id: 'email', type: 'email', inputmode: 'email', dir: 'ltr', autocomplete: 'email', spellcheck: 'false', autocapitalize: 'off',
      placeholder: t.emailPlaceholder, 'aria-describedby': 'email-hint',
      oninput: (e) => { this.#set('email', e.target.value); this.#settings(); },
    });
    el.email.value = this.#s.email;
    el.settings = h('div', { part: 'result', class: 'out' });
    el.discovery = h('p', { part: 'discovery', class: 'muted', hidden: true });
    el.setup = h('div', { part: 'setup' });

    // Port lookup
    el.port = h('input', {
      id: 'port', inputmode: 'numeric', autocomplete: 'off', maxlength: '12', 'aria-describedby': 'port-hint',
      oninput: (e) => { this.#s.port = e.target.value; el.pick.value = ''; this.#ports(); },
    });
    el.port.value = this.#s.port;
    const rows = has('listPorts') ? api.listPorts() : [25, 110, 143, 465, 587, 993, 995].map(api.lookupPort).filter(Boolean);
    el.pick = h('select', {
      id: 'pick', autocomplete: 'off', onchange: (e) => { if (e.target.value) { this.#s.port = el.port.value = e.target.value; this.#ports(); } },
    }, h('option', { value: '' }, t.pickNone), rows.map((r) => h('option', { value: r.port }, `${r.port} · ${this.#portName(r)}`)));
    el.portOut = h('div', { part: 'result', class: 'out' });
    const sel = (id, key, opts) => h('select', {
      id, autocomplete: 'off', onchange: (e) => { this.#s[key] = e.target.value; this.#finder(); },
    }, opts.map(([v, label]) => h('option', { value: v, selected: this.#s[key] === v }, label)));
    el.finder = h('p', { part: 'finder-result', class: 'card' });

    // Recommend
    const questions = Object.entries(QUESTIONS).map(([k, vals]) =>
      h('fieldset', null, h('legend', null, t.q[k]), vals.map((v) => h('label', null,
        h('input', {
          type: 'radio', name: k, value: String(v), checked: this.#needs[k] === v,
          onchange: () => { this.#needs[k] = v; this.#recommend(); },
        }), t.a[k][String(v)]))));
    el.rec = h('div', { part: 'result', class: 'out' });

    this.shadowRoot.replaceChildren(el.root = h('div', { part: 'root', class: 'root', lang: this.#lang, dir: dirOf(this, this.#lang) },
      h('div', { role: 'tablist', 'aria-label': t.tablist, part: 'tabs', onkeydown: (e) => this.#tabKey(e) }, tabs),
      panel('settings',
        h('div', { class: 'field' },
          h('label', { for: 'email' }, t.emailLabel),
          el.email,
          h('p', { id: 'email-hint', class: 'hint' }, rec ? fmt(t.emailHintProvider, { name: rec.name }) : this.#s.dohUrl ? t.emailHintDiscovery : t.emailHint)),
        el.discovery, el.settings, el.setup),
      panel('ports',
        h('div', { class: 'row' },
          h('div', { class: 'field' }, h('label', { for: 'port' }, t.portLabel), el.port),
          h('div', { class: 'field' }, h('label', { for: 'pick' }, t.pickLabel), el.pick)),
        h('p', { id: 'port-hint', class: 'hint' }, t.portHint),
        el.portOut,
        h('fieldset', { part: 'finder' },
          h('legend', null, t.finderLegend),
          h('div', { class: 'row' },
            h('div', { class: 'field' }, h('label', { for: 'proto' }, t.protocol),
              sel('proto', 'proto', ['imap', 'pop3', 'smtp'].map((p) => [p, t.proto[p]]))),
            h('div', { class: 'field' }, h('label', { for: 'sec' }, t.security),
              sel('sec', 'sec', ['implicit-tls', 'starttls'].map((s) => [s, t.sec[s]])))),
          el.finder)),
      panel('recommend',
        h('p', { class: 'hint' }, t.recIntro),
        h('div', { class: 'qs' }, questions),
        el.rec),
      el.status));
    this.#showView();
    this.#settings(true);
    // [startup] Views not on screen are filled after the first paint (or
    // when shown, if that comes first): the first frame waits only on its own view.
    this.#el.fill = () => {
      this.#el.fill = null;
      this.#ports(true);
      this.#finder(true);
      this.#recommend(true);
    };
    if (this.#s.view !== 'settings') this.#el.fill();
    else requestAnimationFrame(() => setTimeout(() => this.#el.fill?.()));
    if (focused) this.shadowRoot.getElementById(focused)?.focus();
  }

  #showView() {
    const tabs = this.#el.tabs;
    if (!tabs) return;
    VIEWS.forEach((v, i) => {
      const on = v === this.#s.view;
      tabs[i].setAttribute('aria-selected', on);
      tabs[i].tabIndex = on ? 0 : -1;
      this.shadowRoot.getElementById(`p-${v}`).hidden = !on;
    });
    // [startup] A view coming into sight gets what was put off while it was hidden.
    if (this.#s.view !== 'settings') this.#el.fill?.();
    if (this.#s.view === 'recommend' && this.#el.recStale) this.#recommend(true, true);
  }

  #pick(v, focus) {
    const previous = this.#s.view;
    this.view = v;
    if (focus) this.#el.tabs[VIEWS.indexOf(v)].focus();
    if (v !== previous) this.#fire('view-change', { view: v, previous });
  }

  #tabKey(e) {
    const i = VIEWS.indexOf(this.#s.view);
    const rtl = getComputedStyle(e.currentTarget).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[e.key];
    const n = step ? (i + step + 3) % 3 : e.key === 'Home' ? 0 : e.key === 'End' ? 2 : -1;
    if (n < 0) return;
    e.preventDefault();
    this.#pick(VIEWS[n], true);
  }

  #fire(type, detail) {
    this.dispatchEvent(new CustomEvent(`mailports-${type}`, { bubbles: true, composed: true, detail }));
  }

  /** Sets the live region after typing pauses (copy confirmations go at once). */
  #announce(text, now) {
    clearTimeout(this.#timer);
    const st = this.#el.status;
    if (!st) return;
    if (now) st.textContent = text;
    else this.#timer = setTimeout(() => { st.textContent = text; }, 500);
  }

  // ---- shared pieces ----

  #reason(item) {
    const code = typeof item === 'string' ? item : item?.code;
    // A provider's requirements appear among the recommender's warnings by their own codes.
    return this.#t.codes[code] ?? this.#t.req[code] ?? code;
  }

  #errorText(e) {
    // English may show the core's own words; other languages never show English.
    return this.#t.errors[e?.code] ?? (this.#lang === 'en' ? e?.message : null) ?? this.#t.errors.internal;
  }

  #portName(r) {
    return r.services?.[0] ?? this.#t.proto[r.protocol] ?? '';
  }

  /** A Copy button for `source`: a text, or a function that makes the text when pressed (a setup file). */
  #copy(field, source, node) {
    const t = this.#t;
    const b = h('button', { type: 'button', class: 'b', part: 'copy', 'aria-label': t.copyLabel[field] }, t.copy);
    b.onclick = async () => {
      let ok = true;
      let value = typeof source === 'function' ? '' : String(source);
      try {
        if (typeof source === 'function') value = String(await source());
        await navigator.clipboard.writeText(value);
      } catch {
        ok = false;
        if (node) getSelection()?.selectAllChildren(node); // ready for the person to copy by hand
      }
      b.textContent = ok ? t.copied : t.copyFailed;
      b.toggleAttribute('data-done', ok);
      this.#announce(fmt(ok ? (t.setup[field] ? t.copiedFile : t.copiedAnnounce) : t.copyFailedAnnounce, { what: t.field[field], value }), true);
      setTimeout(() => { b.textContent = t.copy; b.removeAttribute('data-done'); }, 2000);
      this.#fire('copy', { field, value, ok });
    };
    return b;
  }

  #pair(label, value, field) {
    return [h('dt', null, label), h('dd', null, value, field && this.#copy(field, value.textContent, value))];
  }

  #secText(s) {
    return this.#t.sec[s] ?? s;
  }

  // ---- Find my settings ----

  /** The summary ({ id, name, domains, … }) of the provider the `provider` attribute names, or null. */
  #providerRecord() {
    const p = this.#s.provider;
    if (!p || !has('listProviders')) return null;
    if (this.#el.only?.key !== p) {
      let only = null;
      try {
        only = api.listProviders().find((r) => r.id === p || r.domains?.includes(p)) ?? null;
      } catch {}
      this.#el.only = { key: p, only };
    }
    return this.#el.only.only;
  }

  #settings(quiet) {
    const out = this.#el.settings;
    if (!out) return;
    const t = this.#t;
    const raw = this.#s.email.trim();
    const domain = raw.slice(raw.lastIndexOf('@') + 1).toLowerCase();
    let rec = null;
    let suggestion = null;
    let error = null;
    // Nothing to say until the domain looks complete (a dot and a 2+ letter end);
    // text longer than any address goes to the core at once, which refuses it.
    if (raw.length > MAX_ADDRESS || /[^.]\.[^.]{2,}$/.test(domain)) {
      try {
        rec = has('lookupProvider') ? api.lookupProvider(raw) : null;
        if (!rec && has('suggestDomain')) {
          const only = this.#s.provider && this.#providerRecord();
          suggestion = api.suggestDomain(raw, only ? { domains: only.domains } : undefined);
        }
      } catch (e) {
        error = e;
      }
    } else if (raw) {
      rec = false; // still typing
    }
    const only = this.#s.provider;
    const status = !raw || rec === false ? 'empty' : error ? 'error' : !rec ? 'unknown'
      : only && rec.id !== (this.#providerRecord()?.id ?? only) ? 'other-provider' : 'found';
    // Same answer as for the previous keystroke: leave the DOM (and focus) alone.
    const key = JSON.stringify([status, rec, suggestion, error?.code, error?.message, domain, this.#s.dohUrl, this.#s.autoconfigProxy]);
    if (key === this.#el.settingsKey) return;
    this.#el.settingsKey = key;
    this.#el.record = status === 'found' ? rec : null;
    // Recommend answers for the provider of the address typed here.
    const recEmail = status === 'found' && rec.id ? raw : '';
    if (recEmail !== (this.#el.recEmail ?? '')) {
      this.#el.recEmail = recEmail;
      this.#recommend(true, true);
    }
    this.#el.setup.replaceChildren();
    this._setDiscovery('');
    const nodes = [];
    if (suggestion) {
      const [before, after] = t.didYouMean.split('{address}'); // the question's words and mark are the locale's
      nodes.push(h('p', { part: 'suggestion', class: 'card warn' },
        before,
        h('button', { type: 'button', class: 'link', dir: 'ltr', onclick: () => { this.email = suggestion.full; this.#el.email.focus(); } }, suggestion.full),
        after));
    }
    if (status === 'error') nodes.push(h('p', { class: 'card bad', part: 'error' }, this.#errorText(error)));
    else if (status === 'other-provider') {
      const mine = this.#providerRecord();
      nodes.push(h('p', { class: 'card warn', part: 'unknown' }, fmt(t.otherProvider, { name: rec.name, mine: mine?.name ?? only })));
    } else if (status === 'found') nodes.push(this.#providerView(rec));
    else if (status === 'unknown') nodes.push(this.#unknownView(domain));
    out.replaceChildren(...nodes);
    if (status === 'found') this.#setup(rec, raw);
    clearTimeout(this.#discTimer);
    const gen = ++this.#gen;
    // Opt-in discovery (DISCOVERY.md), once typing pauses, for a domain the database does not know.
    if (status === 'unknown' && !suggestion && !only && this.#s.dohUrl && has('discover')) {
      this.#discTimer = setTimeout(() => this.#discover(raw, domain, gen), 400);
    }
    if (status === 'empty') {
      if (!quiet) this.#announce('');
      return;
    }
    if (!quiet) {
      const first = rec?.incoming?.[0];
      this.#announce(status === 'found' && first
        ? fmt(t.foundAnnounce, { name: rec.name, host: first.hostname, port: first.port, sec: this.#secText(first.security) })
        : nodes.map((n) => n.textContent).join(' '));
    }
    this.#fire('result', {
      view: 'settings', email: raw, status, provider: status === 'found' ? rec : null, suggestion: suggestion?.full ?? null,
      ...(error && { error: error.code ?? 'error' }),
    });
  }

  #discover(raw, domain, gen) {
    const d = this.#t.disc;
    const running = new Set();
    const live = () => gen === this.#gen;
    // discover() reports a module that cannot be loaded as an error of its own.
    this.#full().catch(() => {}).then(() => api.discover(raw, {
      dohUrl: this.#s.dohUrl, proxyTemplate: this.#s.autoconfigProxy || undefined, timeoutMs: this.discoveryTimeout,
      onProgress: ({ step, state }) => {
        if (step === 'database' || !live()) return;
        running[state === 'start' ? 'add' : 'delete'](step);
        this._setDiscovery(running.size ? fmt(d.progress, { domain, steps: andList(this.#lang, [...running].map((x) => d.step[x])) }) : '');
      },
    })).then((r) => {
      if (!live()) return;
      this._setDiscovery('');
      const s = r.settings;
      const out = this.#el.settings;
      if (!r.source || !s) {
        const why = [...r.errors, ...r.notes].find((x) => d.errors[x.code]);
        const text = why ? `${fmt(d.failed, { domain })} ${d.errors[why.code]}` : fmt(d.none, { domain });
        out.prepend(h('p', { class: 'card warn', part: 'discovery-error' }, text));
        this.#announce(text);
        return;
      }
      const rec = { ...s, name: s.name || s.domain };
      this.#el.record = rec;
      out.replaceChildren(h('p', { part: 'discovery-source', class: 'card good' }, d.source[r.source]), this.#providerView(rec));
      this.#setup(rec, raw);
      const first = rec.incoming?.[0];
      this.#announce(first ? fmt(this.#t.foundAnnounce, { name: rec.name, host: first.hostname, port: first.port, sec: this.#secText(first.security) }) : '');
      this.#fire('result', { view: 'settings', email: raw, status: 'found', provider: rec, suggestion: null, source: r.source });
    });
  }

  #providerView(rec) {
    const t = this.#t;
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
      h('div', { class: 'cards' }, main.map(([s, k]) => this.#serverCard(s, `${k} primary`))),
      more.length > 0 && h('details', {
        part: 'more',
        ontoggle: (e) => {
          const d = e.currentTarget; // filled on first opening: less to build per keystroke
          if (d.open && !d.lastChild.matches('.cards')) d.append(h('div', { class: 'cards' }, more.map(([s, k, source]) => this.#serverCard(s, k, source))));
        },
      }, h('summary', null, fmt(t.moreServers, { n: more.length }))));
  }

  /** One server; `source` names where an alternative comes from. */
  #serverCard(s, kind, source) {
    const t = this.#t;
    const plain = s.security === 'plaintext';
    return h('div', { class: `card ${plain ? 'bad' : 'good'}`, part: `server ${kind}${source ? ' alternative' : ''}` },
      h('h3', null, `${t[kind.split(' ')[0]]} · ${t.proto[s.protocol] ?? s.protocol}`),
      source && h('p', { part: 'server-source', class: 'muted' }, fmt(t.altFrom, { source: t.sourceName[source] ?? source })),
      h('dl', null,
        this.#pair(t.field.hostname, h('code', { part: 'hostname', dir: 'ltr' }, s.hostname), 'hostname'),
        this.#pair(t.field.port, h('code', { part: 'port', dir: 'ltr' }, String(s.port)), 'port'),
        this.#pair(t.security, h('span', { part: 'security' }, this.#secText(s.security))),
        this.#pair(t.field.username, h('code', { part: 'username', dir: 'ltr' }, s.username), 'username'),
        s.auth?.length > 0 && this.#pair(t.signIn, orList(this.#lang, s.auth.map((a) => t.auth[a] ?? a)))));
  }

  /**
   * "Set up automatically": the Apple profile, and for administrators the
   * autoconfig file and SRV records. The files are made on the first click,
   * when the full module and setup-files.js are fetched: a visitor who never
   * asks for one never downloads them.
   */
  #setup(rec, email) {
    if (!has('exportConfig')) return;
    const t = this.#t;
    const s = t.setup;
    const file = async (format) => {
      await this.#full();
      return api.exportConfig(rec, format, { email });
    };
    /** A button that runs `action`; if that fails, the button gives way to the reason. */
    const button = (label, aria, action) => {
      const b = h('button', { type: 'button', class: 'b', 'aria-label': aria }, label);
      b.onclick = async () => {
        try {
          await action();
        } catch (e) {
          const text = this.#errorText(e);
          b.replaceWith(h('span', { part: 'error' }, text));
          this.#announce(text, true);
        }
      };
      return b;
    };
    const download = (format, label, aria) => button(label, aria, async () => {
      const [f, { downloadFile }] = await Promise.all([file(format), import('./setup-files.js')]);
      downloadFile(f, { container: this.shadowRoot });
    });
    const admin = [['autoconfig', 'thunderbird-autoconfig'], ['dns-srv', 'dns-srv']].map(([field, format]) =>
      h('li', null, h('span', null, s[field]), ' ',
        download(format, s.download, fmt(s.downloadLabel, { what: t.field[field] })), ' ',
        this.#copy(field, async () => (await file(format)).content)));
    // Apple's profile can only carry a password: for a provider that takes
    // none, say what works instead of offering a file that cannot sign in.
    const apple = rec.status === 'oauth-only'
      ? [h('p', { part: 'oauth-only' }, fmt(s.oauthOnly, { name: rec.name }))]
      : [h('p', { class: 'hint' }, s.appleHint), h('p', null, download('apple-mobileconfig', s.apple))];
    this.#el.setup.replaceChildren(h('div', { class: 'card' },
      h('h2', null, s.title),
      ...apple,
      h('details', { part: 'setup-admin' }, h('summary', null, s.admin), h('p', { class: 'hint' }, s.adminHint), h('ul', null, admin))));
  }

  #unknownView(domain) {
    const t = this.#t;
    return h('div', { part: 'unknown', class: 'card' },
      h('h2', null, fmt(t.unknownTitle, { domain })),
      h('p', null, t.unknownBody),
      this.#guesses(domain),
      has('recommend') && this.#choices(this.#el.standard ??= api.recommend({})),
      h('p', null, h('button', { type: 'button', class: 'b', onclick: () => this.#pick('recommend', true) }, t.unknownAction)));
  }

  /**
   * The host names providers most often use, marked as guesses. The URL
   * parser gives the domain in its ASCII (punycode) form, as mail apps want it.
   */
  #guesses(domain) {
    const t = this.#t;
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

  // ---- Port lookup ----

  #ports(quiet) {
    const out = this.#el.portOut;
    if (!out) return;
    const t = this.#t;
    const raw = this.#s.port.trim();
    const key = /^\d{1,5}$/.test(raw) ? String(Number(raw)) : `x${raw}`;
    if (key === this.#el.portKey) return;
    this.#el.portKey = key;
    if (!raw) {
      out.replaceChildren();
      return;
    }
    let info;
    let node;
    let detail;
    try {
      if (!/^\d{1,5}$/.test(raw)) throw Object.assign(new Error(), { code: 'invalid-port' });
      info = api.lookupPort(Number(raw));
    } catch (e) {
      node = h('p', { class: 'card bad', part: 'error' }, this.#errorText(e));
      detail = { view: 'ports', port: null, input: raw, info: null, error: e.code ?? 'error' };
    }
    if (!node && !info) {
      node = h('p', { class: 'card', part: 'unknown' }, fmt(t.portUnknown, { port: Number(raw) }));
      detail = { view: 'ports', port: Number(raw), info: null };
    }
    if (!node) {
      node = this.#portCard(info);
      detail = { view: 'ports', port: info.port, info, advice: this.#advice(info)[0] };
    }
    out.replaceChildren(node);
    if (!quiet) this.#announce(node.textContent);
    this.#fire('result', detail);
  }

  /** [verdict, why-key] for a registry row: 'use' | 'careful' | 'avoid'. */
  #advice(r) {
    if (r.recommended) {
      if (r.security === 'implicit-tls') return ['use', 'tls'];
      return ['use', r.role === 'access' ? 'upgrade' : 'starttls'];
    }
    if (r.role === 'relay') return ['avoid', 'relay'];
    if (r.role === 'delivery') return ['avoid', 'delivery'];
    if (r.status === 'historic' || r.status === 'deprecated') return ['avoid', 'historic'];
    if (r.security === 'plaintext') return ['avoid', 'plaintext'];
    if (r.status === 'unofficial') return ['careful', 'unofficial'];
    return ['avoid', 'other'];
  }

  #portCard(r) {
    const t = this.#t;
    const [verdict, why] = this.#advice(r);
    const cls = { use: 'good', careful: 'warn', avoid: 'bad' }[verdict];
    const better = STANDARD[r.protocol]?.['implicit-tls'];
    const text = t.ports[r.port] ?? {}; // every locale has every port (a test checks)
    return h('div', { class: `card ${cls}`, part: 'port-info' },
      h('h2', null, fmt(t.portTitle, { port: r.port }), r.services?.length > 0 && [' (', h('bdi', null, r.services.join(', ')), ')']),
      h('p', { part: 'what' }, fmt(t.portWhat, {
        proto: t.proto[r.protocol] ?? r.protocol, role: t.role[r.role] ?? r.role, sec: this.#secText(r.security),
      })),
      h('p', { part: 'summary' }, text.summary),
      h('p', { part: 'verdict', class: 'verdict' }, t.verdict[verdict]),
      h('p', { part: 'why' }, fmt(t.why[why], { better })),
      r.useInstead && h('p', { part: 'instead' }, fmt(t.instead, { port: r.useInstead })),
      text.caveats?.length > 0 && h('ul', { part: 'caveats' }, text.caveats.map((c) => h('li', null, c))),
      r.rfcs?.length > 0 && h('p', { class: 'muted' }, fmt(t.sources, { list: r.rfcs.join(', ') })));
  }

  #finder(quiet) {
    const out = this.#el.finder;
    if (!out) return;
    const t = this.#t;
    const { proto, sec } = this.#s;
    const port = STANDARD[proto][sec];
    let info = null;
    try {
      info = api.lookupPort(port);
    } catch {}
    const verdict = info ? this.#advice(info)[0] : sec === 'implicit-tls' ? 'use' : 'careful';
    out.className = `card ${{ use: 'good', careful: 'warn', avoid: 'bad' }[verdict]}`;
    out.replaceChildren(
      h('strong', null, fmt(t.finderAnswer, { port, proto: t.proto[proto], sec: t.sec[sec] })), ' ',
      h('span', null, t.finderNote[`${proto}-${sec}`] ?? ''));
    if (!quiet) {
      this.#announce(out.textContent);
      this.#fire('result', { view: 'ports', protocol: proto, security: sec, port });
    }
  }

  // ---- Recommend ----

  /** `silent`: recomputed because the address changed; no event. */
  #recommend(quiet, silent) {
    const out = this.#el.rec;
    if (!out || !has('recommend')) return;
    // [startup] An address typed in Find my settings changes the hidden
    // Recommend view: it is brought up to date when shown, not per keystroke.
    this.#el.recStale = silent && this.#s.view !== 'recommend';
    if (this.#el.recStale) return;
    const t = this.#t;
    const needs = { ...this.#needs, ...(this.#el.recEmail && { email: this.#el.recEmail }) };
    let r;
    try {
      r = api.recommend(needs);
    } catch (e) {
      out.replaceChildren(h('p', { class: 'card bad', part: 'error' }, this.#errorText(e)));
      return;
    }
    const list = (key, items, cls) => items?.length > 0 && h('div', { part: key, class: cls },
      h('h3', null, t.head[key]), h('ul', null, items.map((i) => h('li', null, this.#alt(i), i.rfc && h('span', { class: 'muted' }, ' (', h('bdi', null, i.rfc), ')')))));
    out.replaceChildren(
      h('h2', null, t.recTitle),
      r.provider && h('p', { part: 'rec-provider', class: 'muted' }, fmt(t.recFor, { name: r.provider.name, domain: r.provider.domain })),
      this.#choices(r),
      list('reasons', r.reasons, ''),
      list('warnings', r.warnings, 'card warn'),
      list('alternatives', r.alternatives, ''));
    if (!quiet) this.#announce(out.querySelector('.cards').textContent);
    if (!silent) this.#fire('result', { view: 'recommend', needs, result: r });
  }

  #choices(r) {
    const t = this.#t;
    const line = (x, kind) => x && h('div', { class: 'card good', part: `choice ${kind}` },
      h('h3', null, t[kind]),
      h('p', { class: 'verdict' }, this.#alt(x)),
      x.host && h('p', null, h('code', { part: 'hostname', dir: 'ltr' }, x.host)));
    return h('div', { class: 'cards' }, line(r.incoming, 'incoming'), line(r.outgoing, 'outgoing'));
  }

  #alt(i) {
    if (i && typeof i === 'object' && i.port) {
      const s = fmt(this.#t.choice, { proto: this.#t.proto[i.protocol] ?? i.protocol, port: i.port, sec: this.#secText(i.security) });
      return i.code ? `${s}: ${this.#reason(i)}` : s;
    }
    return this.#reason(i);
  }
}
