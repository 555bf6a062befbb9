// Importing define.js registers <mail-ports> (once).
export { MailPortsElement } from './element.js';
export type { MailPortsView, MailPortsTemplateProps, MailPortsResultDetail, MailPortsCopyDetail, MailPortsViewChangeDetail } from './element.js';
