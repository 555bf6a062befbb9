// <mail-ports>: find a provider's mail settings, look up a port, or get a
// recommendation. Open Shadow DOM, built with createElement/textContent only
// (no HTML parsing anywhere: safe under Trusted Types), one adopted stylesheet.
// The wasm and the active locale load on first connect; until then a skeleton
// holds the space. API reference: www/ELEMENT.md.
//
// This file is the shell: properties and attributes, the life cycle, the
// tabs, and one batched render per microtask. The three views are in
// settings.js, ports.js and recommend.js; what they share is in ui.js.
import * as api from './api.js';
// The build bundles this file with the element's own modules (the views, ui,
// dom, styles, i18n, provenance) into one element.js; the API modules stay
// apart, shared with index.js. These two are imported here only to be fetched
// at once: a browser sees a module's imports when the module has arrived, so
// without them api -> core -> glue would come one round trip after another.
// A test keeps the list complete (tests/e2e/startup.test.mjs).
import './core.js';
import './mailports.js';
import { h } from './dom.js';
import { styles } from './styles.js';
import { langOf, dirOf, loadLocale, LOADING, FAILED } from './i18n.js';
import { Ui } from './ui.js';
import { buildSettings, renderSettings, showDiscovery } from './settings.js';
import { buildPorts, renderPorts, renderFinder } from './ports.js';
import { buildRecommend, renderRecommend } from './recommend.js';

const VIEWS = ['settings', 'ports', 'recommend'];
// Reflected string properties -> attribute names.
const PROPS = {
  view: 'view', email: 'email', provider: 'provider', theme: 'theme', wasmUrl: 'wasm-url',
  dohUrl: 'doh-url', discoveryTimeout: 'discovery-timeout', autoconfigProxy: 'autoconfig-proxy',
};

export class MailPortsElement extends HTMLElement {
  static observedAttributes = [...Object.values(PROPS), 'lang', 'dir', 'compact'];

  /**
   * Registers the element as `tag` (default `mail-ports`) unless that tag is
   * already taken; returns the class registered under it.
   */
  static define(tag = 'mail-ports') {
    if (!customElements.get(tag)) {
      try {
        customElements.define(tag, this);
      } catch (e) {
        // Already registered under another name: a subclass is a constructor of its own.
        if (e.name !== 'NotSupportedError') throw e;
        customElements.define(tag, class extends this {});
      }
    }
    return customElements.get(tag);
  }

  #ui = new Ui(this, { pick: (v, focus) => this.#pick(v, focus), full: () => this.#full() });
  #started = false;
  #reflecting = false;
  #htmlLang = null;
  #frame = 0;
  /** What the next render does: 'build', 'view', 'settings' (announced) or 'settings-quiet'. */
  #dirty = new Set();

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
    Promise.all([api.initCore(this.#ui.s.wasmUrl || undefined), loadLocale(lang)]).then(
      ([, t]) => {
        this.#ui.lang = lang;
        this.#ui.t = t;
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

  /** Off the page: no observer, timer or frame of this element keeps running. */
  disconnectedCallback() {
    this.#htmlLang?.disconnect();
    this.#ui.stop();
    this.#ui.gen++; // a discovery still running is answered into nothing
    cancelAnimationFrame(this.#frame);
  }

  /**
   * Loads the full module (setup files, discovery) on first need: from beside
   * `wasm-url` when the page set one, else from beside the JS.
   */
  #full() {
    const url = this.#ui.s.wasmUrl;
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

  get view() { return this.#ui.s.view; }
  set view(v) {
    this.#set('view', VIEWS.includes(v) ? v : 'settings');
    this.#render('view');
  }

  get email() { return this.#ui.s.email; }
  set email(v) {
    this.#set('email', String(v ?? ''));
    const input = this.#ui.el.email;
    if (input && input.value !== this.#ui.s.email) input.value = this.#ui.s.email;
    this.#render('settings');
  }

  get provider() { return this.#ui.s.provider; }
  set provider(v) {
    this.#set('provider', String(v ?? '').trim().toLowerCase());
    this.#render('build');
  }

  get theme() { return this.#ui.s.theme; }
  set theme(v) {
    this.#set('theme', v === 'light' || v === 'dark' ? v : '');
  }

  get wasmUrl() { return this.#ui.s.wasmUrl; }
  set wasmUrl(v) {
    this.#set('wasmUrl', String(v ?? ''));
  }

  /** DNS-over-HTTPS resolver: turns on discovery for domains not in the database (DISCOVERY.md). */
  get dohUrl() { return this.#ui.s.dohUrl; }
  set dohUrl(v) {
    this.#set('dohUrl', String(v ?? '').trim());
    this.#render('settings-quiet');
  }

  get autoconfigProxy() { return this.#ui.s.autoconfigProxy; }
  set autoconfigProxy(v) {
    this.#set('autoconfigProxy', String(v ?? '').trim());
    this.#render('settings-quiet');
  }

  /** Time limit per discovery lookup in ms (default 3000). */
  get discoveryTimeout() { return Number(this.#ui.s.discoveryTimeout) > 0 ? Number(this.#ui.s.discoveryTimeout) : 3000; }
  set discoveryTimeout(v) { this.#set('discoveryTimeout', String(v ?? '').trim()); }

  get compact() { return this.hasAttribute('compact'); }
  set compact(v) { this.toggleAttribute('compact', !!v); }

  #set(prop, v) {
    this.#ui.s[prop] = v;
    const attr = PROPS[prop];
    if ((this.getAttribute(attr) ?? '') === v) return;
    this.#reflecting = true;
    if (v) this.setAttribute(attr, v);
    else this.removeAttribute(attr);
    this.#reflecting = false;
  }

  /**
   * Asks for a render: property and attribute changes made in one task are
   * drawn once, in a microtask, before the browser paints. Until the views
   * are built (wasm and locale loading) there is nothing to draw: #build
   * reads the state as it is then.
   */
  #render(what) {
    if (!this.#ui.t) return;
    if (this.#dirty.size === 0) queueMicrotask(() => this.#flush());
    this.#dirty.add(what);
  }

  #flush() {
    const dirty = this.#dirty;
    this.#dirty = new Set();
    if (dirty.has('build')) return this.#build();
    if (dirty.has('view')) this.#showView();
    if (dirty.has('settings') || dirty.has('settings-quiet')) this.#settings(!dirty.has('settings'));
  }

  // ---- extension points for later features (see ELEMENT.md) ----

  /** The empty `part="setup"` container of the Find-my-settings view. */
  get _setupArea() { return this.#ui.el.setup ?? null; }

  /** Shows (or with no text, hides) the `part="discovery"` progress line. */
  _setDiscovery(text) {
    showDiscovery(this.#ui, text);
  }

  /** The last provider record shown in Find my settings (or null). */
  get _provider() { return this.#ui.el.record ?? null; }

  // ---- building ----

  #skeleton() {
    const lang = langOf(this);
    this.shadowRoot.replaceChildren(
      h('div', { class: 'sk', part: 'skeleton', 'aria-busy': 'true', lang, dir: dirOf(this, lang) },
        h('span', { class: 'sr', role: 'status' }, LOADING[lang]), h('i'), h('i'), h('i'), h('i')),
    );
  }

  #relocalize() {
    const ui = this.#ui;
    const lang = langOf(this);
    if (!ui.t) return;
    if (lang === ui.lang) {
      const dir = dirOf(this, lang); // the language is the same, the direction may not be
      return dir ? ui.el.root.setAttribute('dir', dir) : ui.el.root.removeAttribute('dir');
    }
    ui.lang = lang;
    ui.portTexts = null;
    loadLocale(lang).then((t) => {
      if (ui.lang !== lang) return;
      ui.t = t;
      this.#build();
    }, (e) => console.error('mailports:', e));
  }

  #settings(quiet) {
    renderSettings(this.#ui, quiet, () => renderRecommend(this.#ui, true, true));
  }

  #build() {
    const ui = this.#ui;
    const t = ui.t;
    this.#dirty.clear();
    ui.stop(); // timers of the views being replaced
    cancelAnimationFrame(this.#frame);
    const focused = this.shadowRoot.activeElement?.id;
    const el = (ui.el = {});
    el.tabs = VIEWS.map((v) =>
      h('button', { type: 'button', role: 'tab', id: `t-${v}`, 'aria-controls': `p-${v}`, part: 'tab', onclick: () => this.#pick(v) }, t.tabs[v]));
    const panel = (v, kids) => h('section', { role: 'tabpanel', id: `p-${v}`, 'aria-labelledby': `t-${v}`, part: `panel ${v}` }, kids);
    el.status = h('div', { class: 'sr', role: 'status', part: 'status' });
    const typed = (e) => {
      this.#set('email', e.target.value);
      this.#settings();
    };
    this.shadowRoot.replaceChildren(el.root = h('div', { part: 'root', class: 'root', lang: ui.lang, dir: dirOf(this, ui.lang) },
      h('div', { role: 'tablist', 'aria-label': t.tablist, part: 'tabs', onkeydown: (e) => this.#tabKey(e) }, el.tabs),
      panel('settings', buildSettings(ui, typed)),
      el.ports = panel('ports'),
      el.recommend = panel('recommend'),
      el.status));
    this.#showView();
    this.#settings(true);
    // [startup] The other views are built and filled after the first paint
    // (or when shown, if that comes first): the first frame waits only on
    // Find my settings.
    el.fill = () => {
      el.fill = null;
      el.ports.append(...buildPorts(ui));
      el.recommend.append(...buildRecommend(ui));
      renderPorts(ui, true);
      renderFinder(ui, true);
      renderRecommend(ui, true);
    };
    if (ui.s.view !== 'settings') el.fill();
    else this.#frame = requestAnimationFrame(() => ui.later(() => el.fill?.(), 0));
    if (focused) this.shadowRoot.getElementById(focused)?.focus();
  }

  #showView() {
    const { el, s } = this.#ui;
    if (!el.tabs) return;
    VIEWS.forEach((v, i) => {
      const on = v === s.view;
      el.tabs[i].setAttribute('aria-selected', on);
      el.tabs[i].tabIndex = on ? 0 : -1;
      this.shadowRoot.getElementById(`p-${v}`).hidden = !on;
    });
    // [startup] A view coming into sight gets what was put off while it was hidden.
    if (s.view !== 'settings') el.fill?.();
    if (s.view === 'recommend' && el.recStale) renderRecommend(this.#ui, true, true);
  }

  /** Switches to view `v` as the person did it: drawn at once, with an event. */
  #pick(v, focus) {
    const previous = this.#ui.s.view;
    this.#set('view', v);
    this.#showView();
    if (focus) this.#ui.el.tabs[VIEWS.indexOf(v)].focus();
    if (v !== previous) this.#ui.fire('view-change', { view: v, previous });
  }

  /** Arrow keys, Home and End move from the focused tab (and select the tab they move to). */
  #tabKey(e) {
    const i = this.#ui.el.tabs.indexOf(this.shadowRoot.activeElement);
    if (i < 0) return;
    const rtl = getComputedStyle(e.currentTarget).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[e.key];
    const n = step ? (i + step + 3) % 3 : e.key === 'Home' ? 0 : e.key === 'End' ? 2 : -1;
    if (n < 0) return;
    e.preventDefault();
    this.#pick(VIEWS[n], true);
  }
}
