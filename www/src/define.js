// Registers <mail-ports>. The only module with a side effect.
import { MailPortsElement } from './element.js';

if (!customElements.get('mail-ports')) customElements.define('mail-ports', MailPortsElement);
export { MailPortsElement };
