// <mail-ports> in Vue 3 templates (vue-tsc, Volar). Opt in once, anywhere in
// the project:
//   import type {} from 'mailports/vue';
// and tell Vue's compiler the tag is a custom element (isCustomElement; see
// README). Vue sets a binding as a property when the element has one, else as
// an attribute (`.prop` and `.attr` force either); @mailports-result listens
// to the DOM event of that name.
import type { HTMLAttributes } from 'vue';
import type {
  MailPortsElement, MailPortsTemplateProps, MailPortsResultDetail, MailPortsCopyDetail, MailPortsViewChangeDetail,
} from './element.js';

/** The bindings of <mail-ports> in a template: its properties, attribute spellings and events. */
export interface MailPortsVueProps extends HTMLAttributes, MailPortsTemplateProps {
  onMailportsResult?: (event: CustomEvent<MailPortsResultDetail>) => void;
  onMailportsCopy?: (event: CustomEvent<MailPortsCopyDetail>) => void;
  onMailportsViewChange?: (event: CustomEvent<MailPortsViewChangeDetail>) => void;
}

declare module 'vue' {
  interface GlobalComponents {
    'mail-ports': new () => MailPortsElement & { $props: MailPortsVueProps };
  }
}
