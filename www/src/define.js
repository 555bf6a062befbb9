// Registers <mail-ports> (unless the tag is already taken). The only module with a side effect.
//
// Every module the element needs is named here, so the browser requests them
// all as soon as this file arrives instead of discovering them one level at a
// time (tests/e2e/startup.test.mjs checks the list is complete).
import './api.js';
import './core.js';
import './mailports.js';
import { MailPortsElement } from './element.js';

MailPortsElement.define();
export { MailPortsElement };
