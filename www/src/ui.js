// What the element's three views share: the state they read, the active
// messages, and the small pieces every view builds with (copy buttons, field
// pairs, the live region, events). One instance per <mail-ports>, owned by
// the element (element.js); the views (settings.js, ports.js, recommend.js)
// are functions of it and never reach into the element's private fields.
import { h } from './dom.js';
import { fmt } from './i18n.js';

// Recommender questions: need key -> answer values (the first is the default).
export const QUESTIONS = {
  devices: [2, 1],
  offline: [false, true],
  sends: [true, false],
  push: [false, true],
  smallQuota: [false, true],
  exchange: [false, true],
  untrustedNetwork: [false, true],
};

export class Ui {
  /** Messages of the active locale (null until loaded). */
  t = null;
  /** Port lookup's texts of the active locale, by port (null until a port is first looked up). */
  portTexts = null;
  lang = '';
  /** Reflected properties and the inputs of the port views. */
  s = {
    view: 'settings', email: '', provider: '', theme: '', wasmUrl: '', dohUrl: '', discoveryTimeout: '', autoconfigProxy: '',
    port: '', proto: 'imap', sec: 'implicit-tls',
  };
  needs = Object.fromEntries(Object.entries(QUESTIONS).map(([k, v]) => [k, v[0]]));
  /** Named nodes of the built UI, and what each view keeps between renders. */
  el = {};
  /** Bumped on each new Find-my-settings answer: older discoveries are ignored. */
  gen = 0;
  #timers = new Set();

  /**
   * `host` is the element (events go out from it, the shadow root is its);
   * `pick(view, focus)` switches views as a tab does; `full()` loads the full
   * module.
   */
  constructor(host, { pick, full }) {
    this.host = host;
    this.pick = pick;
    this.full = full;
  }

  /** setTimeout that disconnectedCallback can cancel with stop(). */
  later(fn, ms) {
    const id = setTimeout(() => {
      this.#timers.delete(id);
      fn();
    }, ms);
    this.#timers.add(id);
    return id;
  }

  cancel(id) {
    clearTimeout(id);
    this.#timers.delete(id);
  }

  /** Cancels every pending timer (the element left the page). */
  stop() {
    for (const id of this.#timers) clearTimeout(id);
    this.#timers.clear();
  }

  fire(type, detail) {
    this.host.dispatchEvent(new CustomEvent(`mailports-${type}`, { bubbles: true, composed: true, detail }));
  }

  /** Sets the live region after typing pauses (copy confirmations go at once). */
  announce(text, now) {
    this.cancel(this.el.announceTimer);
    const st = this.el.status;
    if (!st) return;
    if (now) st.textContent = text;
    else this.el.announceTimer = this.later(() => { st.textContent = text; }, 500);
  }

  reason(item) {
    const code = typeof item === 'string' ? item : item?.code;
    // A provider's requirements appear among the recommender's warnings by their own codes.
    return this.t.codes[code] ?? this.t.req[code] ?? code;
  }

  errorText(e) {
    // English may show the core's own words; other languages never show English.
    return this.t.errors[e?.code] ?? (this.lang === 'en' ? e?.message : null) ?? this.t.errors.internal;
  }

  secText(s) {
    return this.t.sec[s] ?? s;
  }

  /** A Copy button for `source`: a text, or a function that makes the text when pressed (a setup file). */
  copy(field, source, node) {
    const t = this.t;
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
      this.announce(fmt(ok ? (t.setup[field] ? t.copiedFile : t.copiedAnnounce) : t.copyFailedAnnounce, { what: t.field[field], value }), true);
      this.later(() => { b.textContent = t.copy; b.removeAttribute('data-done'); }, 2000);
      this.fire('copy', { field, value, ok });
    };
    return b;
  }

  /** A `<dt>`/`<dd>` pair; with `field`, the value gets a Copy button. */
  pair(label, value, field) {
    return [h('dt', null, label), h('dd', null, value, field && this.copy(field, value.textContent, value))];
  }
}
