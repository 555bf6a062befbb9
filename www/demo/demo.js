// The demo page's controls: they only set the widget's attributes and custom
// properties, as an embedding page would. Event details are shown as text.
const widget = document.getElementById('widget');
const stage = document.getElementById('stage');
const controls = document.getElementById('controls');
const log = document.getElementById('log');

controls.addEventListener('change', () => {
  const f = new FormData(controls);
  const set = (name, v) => (v ? widget.setAttribute(name, v) : widget.removeAttribute(name));
  set('theme', f.get('theme'));
  set('lang', f.get('lang'));
  widget.compact = f.has('compact');
  // A dir on the element wins; without one the language decides (Arabic is right to left).
  set('dir', f.get('dir'));
  stage.dataset.theme = f.get('theme');
  const [light, dark] = (f.get('accent') || '').split('|');
  const accent = f.get('theme') === 'dark' || (!f.get('theme') && matchMedia('(prefers-color-scheme: dark)').matches) ? dark : light;
  for (const p of ['--mp-accent', '--mp-focus']) {
    if (accent) widget.style.setProperty(p, accent);
    else widget.style.removeProperty(p);
  }
});
controls.addEventListener('submit', (e) => e.preventDefault());

const brief = (type, d) => {
  if (type === 'mailports-copy') return `${d.field} = ${d.value}${d.ok ? '' : ' (failed)'}`;
  if (type === 'mailports-view-change') return `${d.previous} → ${d.view}`;
  if (d.view === 'settings') return `${d.email}: ${d.status}${d.provider ? ` (${d.provider.name})` : ''}`;
  if (d.view === 'ports') return `port ${d.port ?? d.input}`;
  return `${d.result?.incoming?.protocol ?? ''} ${d.result?.incoming?.port ?? ''}`;
};
for (const type of ['mailports-result', 'mailports-copy', 'mailports-view-change']) {
  document.addEventListener(type, (e) => {
    const li = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = type;
    li.append(code, ` ${brief(type, e.detail)}`);
    log.prepend(li);
    while (log.children.length > 5) log.lastElementChild.remove();
  });
}
