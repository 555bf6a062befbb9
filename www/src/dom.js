// A tiny DOM builder. Children that are strings become text nodes, so data and
// user input can never be parsed as HTML (and no Trusted Types sink is used).
//   h('p', { class: 'x', onclick: fn, hidden: true }, 'text', h('b', null, 'bold'))
// `on*` keys add listeners; `true` sets an empty attribute; null/false skip it.
// A message from fmt() (a String with `parts`) becomes its text with each
// filled-in value in a <bdi>, isolated from the direction of the words around
// it: right to left if it has right-to-left letters (a translated phrase in
// Arabic, an Arabic name), else left to right (host names, ports, addresses).
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
export function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const k in attrs) {
    const v = attrs[k];
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  el.append(...kids.flat(9).flatMap((k) => (k == null || k === false ? []
    : k.parts ? k.parts.map((p, i) => (i % 2 ? h('bdi', { dir: RTL.test(p) ? 'rtl' : 'ltr' }, p) : p)).filter((p) => p !== '') : [k])));
  return el;
}
