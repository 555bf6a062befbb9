// Types of the <mail-ports> custom element (www/ELEMENT.md has the prose).

export type MailPortsView = 'settings' | 'ports' | 'recommend';

/** `detail` of `mailports-result`, by view. */
export type MailPortsResultDetail =
  | {
      view: 'settings';
      email: string;
      status: 'found' | 'unknown' | 'other-provider' | 'error';
      /**
       * The provider record shown when `status` is `found`: lookupProvider's
       * result, with requirement codes in place of `{ code, text }`.
       */
      provider: (Omit<import('./types/providers.js').ProviderMatch, 'requirements'> & {
        requirements: import('./types/providers.js').RequirementCode[];
      }) | null;
      /** The suggested address for a mistyped domain. */
      suggestion: string | null;
      /** The error code when `status` is `error`. */
      error?: string;
      /** Set when the settings were found by discovery (`doh-url`). */
      source?: 'autoconfig' | 'srv' | 'mx';
    }
  | { view: 'ports'; port: number; info: object | null; advice?: 'use' | 'careful' | 'avoid' }
  | { view: 'ports'; port: null; input: string; info: null; error: string }
  | { view: 'ports'; protocol: 'imap' | 'pop3' | 'smtp'; security: 'implicit-tls' | 'starttls'; port: number }
  | { view: 'recommend'; needs: Record<string, unknown>; result: object };

/** `detail` of `mailports-copy`. */
export interface MailPortsCopyDetail {
  field: 'hostname' | 'port' | 'username' | 'autoconfig' | 'dns-srv';
  /** The value copied (for `autoconfig` and `dns-srv`, the whole file). */
  value: string;
  /** False when the clipboard refused. */
  ok: boolean;
}

/** `detail` of `mailports-view-change`. */
export interface MailPortsViewChangeDetail {
  view: MailPortsView;
  previous: MailPortsView;
}

/**
 * What a template may set on <mail-ports>: each property, and its attribute
 * spelling where that differs. The JSX (react.d.ts) and Vue (vue.d.ts)
 * typings add their event spellings to it.
 */
export interface MailPortsTemplateProps {
  view?: MailPortsView;
  email?: string;
  provider?: string;
  theme?: '' | 'light' | 'dark';
  compact?: boolean;
  wasmUrl?: string;
  'wasm-url'?: string;
  dohUrl?: string;
  'doh-url'?: string;
  autoconfigProxy?: string;
  'autoconfig-proxy'?: string;
  discoveryTimeout?: number;
  'discovery-timeout'?: number | string;
}

export class MailPortsElement extends HTMLElement {
  static observedAttributes: string[];
  /**
   * Registers the class as `tag` (default `mail-ports`) unless that tag is
   * already registered; returns the class registered under `tag`.
   */
  static define(tag?: string): CustomElementConstructor;
  /** The view shown (attribute `view`). */
  view: MailPortsView;
  /** The address in Find my settings (attribute `email`). */
  email: string;
  /** Restrict Find my settings to one provider: an id or its main domain (attribute `provider`). */
  provider: string;
  /** Force `light` or `dark`; `''` follows the system (attribute `theme`). */
  theme: '' | 'light' | 'dark';
  /**
   * Where to load mailports_bg.wasm from (attribute `wasm-url`); the full
   * module, mailports_full_bg.wasm, is expected beside it. Read on first connect.
   */
  wasmUrl: string;
  /** DNS-over-HTTPS resolver turning on discovery (attribute `doh-url`); `''` = off. */
  dohUrl: string;
  /** Autoconfig proxy URL template with `{url}` (attribute `autoconfig-proxy`). */
  autoconfigProxy: string;
  /** Time limit per discovery lookup in ms (attribute `discovery-timeout`); 3000 when unset. */
  discoveryTimeout: number;
  /** Tighter spacing (boolean attribute `compact`). */
  compact: boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    'mail-ports': MailPortsElement;
  }
  interface HTMLElementEventMap {
    'mailports-result': CustomEvent<MailPortsResultDetail>;
    'mailports-copy': CustomEvent<MailPortsCopyDetail>;
    'mailports-view-change': CustomEvent<MailPortsViewChangeDetail>;
  }
}
