// <mail-ports> in React 19 JSX. Opt in once, anywhere in the project:
//   import type {} from 'mailports/react';
// React 19 sets a prop as a property when the element has one (view, email,
// theme, compact, …), else as an attribute (wasm-url, …), and listens to
// `on` + the event name as written: onmailports-result.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  MailPortsElement, MailPortsTemplateProps, MailPortsResultDetail, MailPortsCopyDetail, MailPortsViewChangeDetail,
} from './element.js';

/** The props of <mail-ports> in JSX: its properties, attribute spellings and events. */
export interface MailPortsJSXProps
  extends DetailedHTMLProps<HTMLAttributes<MailPortsElement>, MailPortsElement>, MailPortsTemplateProps {
  'onmailports-result'?: (event: CustomEvent<MailPortsResultDetail>) => void;
  'onmailports-copy'?: (event: CustomEvent<MailPortsCopyDetail>) => void;
  'onmailports-view-change'?: (event: CustomEvent<MailPortsViewChangeDetail>) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'mail-ports': MailPortsJSXProps;
    }
  }
}
