// <mail-ports>: first slice — a port lookup. (The full element with three
// views replaces this.)
import { init, lookupPort } from './index.js';

const template = document.createElement('template');
template.innerHTML = `
  <form part="form">
    <label for="port">Port</label>
    <input id="port" name="port" inputmode="numeric" autocomplete="off">
  </form>
  <div part="result" role="status" aria-live="polite"></div>`;

export class MailPortsElement extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).append(template.content.cloneNode(true));
  }

  async connectedCallback() {
    const input = this.shadowRoot.querySelector('input');
    const out = this.shadowRoot.querySelector('[part=result]');
    await init(this.getAttribute('wasm-url') ?? undefined);
    const show = () => {
      const raw = input.value.trim();
      if (!raw) { out.textContent = ''; return; }
      try {
        const info = lookupPort(Number(raw));
        out.textContent = info
          ? `${info.port}: ${info.services.join(' / ')}, ${info.security}. ${info.summary}`
          : `${raw} is not an email port.`;
      } catch (e) {
        out.textContent = e.message;
      }
      this.dispatchEvent(new CustomEvent('mailports-result', { bubbles: true, composed: true, detail: { port: raw } }));
    };
    input.addEventListener('input', show);
    this.toggleAttribute('ready', true);
  }
}
