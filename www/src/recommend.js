// The Recommend view of <mail-ports>: a few questions, and how to set up a
// mail app with the reasons. With an address of a known provider typed in
// Find my settings, the answer is that provider's (recommend({ email })).
import * as api from './api.js';
import { h } from './dom.js';
import { fmt } from './i18n.js';
import { QUESTIONS } from './ui.js';

/** The view's contents (questions and the result area), for its panel. */
export function buildRecommend(ui) {
  const { t, el } = ui;
  const questions = Object.entries(QUESTIONS).map(([k, vals]) =>
    h('fieldset', null, h('legend', null, t.q[k]), vals.map((v) => h('label', null,
      h('input', {
        type: 'radio', name: k, value: String(v), checked: ui.needs[k] === v,
        onchange: () => { ui.needs[k] = v; renderRecommend(ui); },
      }), t.a[k][String(v)]))));
  el.rec = h('div', { part: 'result', class: 'out' });
  return [h('p', { class: 'hint' }, t.recIntro), h('div', { class: 'qs' }, questions), el.rec];
}

/** `silent`: recomputed because the address changed; no event. */
export function renderRecommend(ui, quiet, silent) {
  const { t, el } = ui;
  const out = el.rec;
  if (!out) return;
  // [startup] An address typed in Find my settings changes the hidden
  // Recommend view: it is brought up to date when shown, not per keystroke.
  el.recStale = silent && ui.s.view !== 'recommend';
  if (el.recStale) return;
  const needs = { ...ui.needs, ...(el.recEmail && { email: el.recEmail }) };
  let r;
  try {
    r = api.recommend(needs);
  } catch (e) {
    out.replaceChildren(h('p', { class: 'card bad', part: 'error' }, ui.errorText(e)));
    el.recKey = null;
    return;
  }
  // The same answer as before (another need that changes nothing): leave the DOM alone and send nothing.
  const key = JSON.stringify(r);
  if (key === el.recKey) return;
  el.recKey = key;
  const list = (part, items, cls) => items?.length > 0 && h('div', { part, class: cls },
    h('h3', null, t.head[part]), h('ul', null, items.map((i) => h('li', null, alt(ui, i), i.rfc && h('span', { class: 'muted' }, ' (', h('bdi', null, i.rfc), ')')))));
  out.replaceChildren(
    h('h2', null, t.recTitle),
    r.provider && h('p', { part: 'rec-provider', class: 'muted' }, fmt(t.recFor, { name: r.provider.name, domain: r.provider.domain })),
    choices(ui, r),
    list('reasons', r.reasons, ''),
    list('warnings', r.warnings, 'card warn'),
    list('alternatives', r.alternatives, ''));
  if (!quiet) ui.announce(out.querySelector('.cards').textContent);
  if (!silent) ui.fire('result', { view: 'recommend', needs, result: r });
}

/** The incoming and outgoing choice of a recommend() result, as cards (Find my settings shows them too). */
export function choices(ui, r) {
  const t = ui.t;
  const line = (x, kind) => x && h('div', { class: 'card good', part: `choice ${kind}` },
    h('h3', null, t[kind]),
    h('p', { class: 'verdict' }, alt(ui, x)),
    x.host && h('p', null, h('code', { part: 'hostname', dir: 'ltr' }, x.host)));
  return h('div', { class: 'cards' }, line(r.incoming, 'incoming'), line(r.outgoing, 'outgoing'));
}

/** A choice ("IMAP on port 993 with TLS: why") or a reason, in words. */
function alt(ui, i) {
  if (i && typeof i === 'object' && i.port) {
    const s = fmt(ui.t.choice, { proto: ui.t.proto[i.protocol] ?? i.protocol, port: i.port, sec: ui.secText(i.security) });
    return i.code ? `${s}: ${ui.reason(i)}` : s;
  }
  return ui.reason(i);
}
