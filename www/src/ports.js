// The Port lookup view of <mail-ports>: a port -> what it is and whether to
// use it; a protocol and TLS mode -> the port (the finder). Every port and
// verdict comes from the core's registry (listPorts, lookupPort).
import * as api from './api.js';
import { h } from './dom.js';
import { fmt, loadPortTexts } from './i18n.js';

const VERDICT_CLASS = { use: 'good', careful: 'warn', avoid: 'bad' };

/** The recommended registry row for a protocol and TLS mode (imap + implicit-tls: 993), from the core's listPorts(). */
const standard = (ui, protocol, security) =>
  ui.el.rows.find((r) => r.protocol === protocol && r.security === security && r.recommended);

/** The view's contents, for its panel. */
export function buildPorts(ui) {
  const { t, el, s } = ui;
  el.port = h('input', {
    id: 'port', inputmode: 'numeric', autocomplete: 'off', maxlength: '12', 'aria-describedby': 'port-hint',
    oninput: (e) => { s.port = e.target.value; el.pick.value = ''; renderPorts(ui); },
  });
  el.port.value = s.port;
  el.rows = api.listPorts();
  el.pick = h('select', {
    id: 'pick', autocomplete: 'off', onchange: (e) => { if (e.target.value) { s.port = el.port.value = e.target.value; renderPorts(ui); } },
  }, h('option', { value: '' }, t.pickNone), el.rows.map((r) => h('option', { value: r.port }, `${r.port} · ${r.services?.[0] ?? t.proto[r.protocol] ?? ''}`)));
  el.portOut = h('div', { part: 'result', class: 'out' });
  const sel = (id, opts) => h('select', {
    id, autocomplete: 'off', onchange: (e) => { s[id] = e.target.value; renderFinder(ui); },
  }, opts.map(([v, label]) => h('option', { value: v, selected: s[id] === v }, label)));
  el.finder = h('p', { part: 'finder-result', class: 'card' });
  const field = (id, label, control) => h('div', { class: 'field' }, h('label', { for: id }, label), control);
  return [
    h('div', { class: 'row' }, field('port', t.portLabel, el.port), field('pick', t.pickLabel, el.pick)),
    h('p', { id: 'port-hint', class: 'hint' }, t.portHint),
    el.portOut,
    h('fieldset', { part: 'finder' },
      h('legend', null, t.finderLegend),
      h('div', { class: 'row' },
        field('proto', t.protocol, sel('proto', ['imap', 'pop3', 'smtp'].map((p) => [p, t.proto[p]]))),
        field('sec', t.security, sel('sec', ['implicit-tls', 'starttls'].map((x) => [x, t.sec[x]])))),
      el.finder),
  ];
}

/** Answers the typed port. */
export function renderPorts(ui, quiet) {
  const { t, el } = ui;
  const out = el.portOut;
  if (!out) return;
  const raw = ui.s.port.trim();
  const key = /^\d{1,5}$/.test(raw) ? String(Number(raw)) : `x${raw}`;
  if (key === el.portKey) return;
  // Port lookup's texts come with the first lookup; the answer waits for them.
  if (raw && !ui.portTexts) {
    const { lang } = ui;
    const ready = (texts) => {
      if (ui.lang !== lang) return; // the language changed meanwhile: its own texts will come
      ui.portTexts = texts;
      renderPorts(ui, quiet);
    };
    loadPortTexts(lang).then(ready, (e) => {
      console.error('mailports:', e);
      ready({}); // the card without its summary and caveats
    });
    return;
  }
  el.portKey = key;
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
    node = h('p', { class: 'card bad', part: 'error' }, ui.errorText(e));
    detail = { view: 'ports', port: null, input: raw, info: null, error: e.code ?? 'error' };
  }
  if (!node && !info) {
    node = h('p', { class: 'card', part: 'unknown' }, fmt(t.portUnknown, { port: Number(raw) }));
    detail = { view: 'ports', port: Number(raw), info: null };
  }
  if (!node) {
    node = portCard(ui, info);
    detail = { view: 'ports', port: info.port, info, advice: advice(info)[0] };
  }
  out.replaceChildren(node);
  if (!quiet) ui.announce(node.textContent);
  ui.fire('result', detail);
}

/** [verdict, why-key] for a registry row: 'use' | 'careful' | 'avoid'. */
function advice(r) {
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

function portCard(ui, r) {
  const t = ui.t;
  const [verdict, why] = advice(r);
  const text = ui.portTexts[r.port] ?? {}; // every locale has every port (a test checks)
  return h('div', { class: `card ${VERDICT_CLASS[verdict]}`, part: 'port-info' },
    h('h2', null, fmt(t.portTitle, { port: r.port }), r.services?.length > 0 && [' (', h('bdi', null, r.services.join(', ')), ')']),
    h('p', { part: 'what' }, fmt(t.portWhat, {
      proto: t.proto[r.protocol] ?? r.protocol, role: t.role[r.role] ?? r.role, sec: ui.secText(r.security),
    })),
    h('p', { part: 'summary' }, text.summary),
    h('p', { part: 'verdict', class: 'verdict' }, t.verdict[verdict]),
    h('p', { part: 'why' }, fmt(t.why[why], { better: standard(ui, r.protocol, 'implicit-tls')?.port })),
    r.useInstead && h('p', { part: 'instead' }, fmt(t.instead, { port: r.useInstead })),
    text.caveats?.length > 0 && h('ul', { part: 'caveats' }, text.caveats.map((c) => h('li', null, c))),
    r.rfcs?.length > 0 && h('p', { class: 'muted' }, fmt(t.sources, { list: r.rfcs.join(', ') })));
}

/** Answers the finder: the standard port for the chosen protocol and TLS mode. */
export function renderFinder(ui, quiet) {
  const { t, el } = ui;
  const out = el.finder;
  if (!out) return;
  const { proto, sec } = ui.s;
  const info = standard(ui, proto, sec);
  const port = info?.port;
  const verdict = info ? advice(info)[0] : sec === 'implicit-tls' ? 'use' : 'careful';
  out.className = `card ${VERDICT_CLASS[verdict]}`;
  out.replaceChildren(
    h('strong', null, fmt(t.finderAnswer, { port, proto: t.proto[proto], sec: t.sec[sec] })), ' ',
    h('span', null, t.finderNote[`${proto}-${sec}`] ?? ''));
  if (!quiet) {
    ui.announce(out.textContent);
    ui.fire('result', { view: 'ports', protocol: proto, security: sec, port });
  }
}
