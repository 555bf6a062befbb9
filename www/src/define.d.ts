// Importing define.js registers <mail-ports> (once).
export { MailPortsElement } from './element.js';
export type { MailPortsView, MailPortsResultDetail, MailPortsCopyDetail, MailPortsViewChangeDetail } from './element.js';
