// Locale loading: one module per language under ./locales/, fetched only when
// that language is shown. Language order: the element's `lang` attribute (or
// the nearest ancestor's), then the page's <html lang>, then English.
// One static import() per language, so bundlers (Vite, webpack) see each file.
const LOADERS = {
  en: () => import('./locales/en.js'),
  de: () => import('./locales/de.js'),
  fr: () => import('./locales/fr.js'),
  es: () => import('./locales/es.js'),
};
export const LANGS = Object.keys(LOADERS);

// Shown before a locale module has arrived (or if it fails to).
export const LOADING = { en: 'Loading…', de: 'Wird geladen…', fr: 'Chargement…', es: 'Cargando…' };
export const FAILED = {
  en: 'The mail settings helper could not load.',
  de: 'Der Helfer für Mail-Einstellungen konnte nicht geladen werden.',
  fr: 'L’assistant de réglages e-mail n’a pas pu se charger.',
  es: 'No se pudo cargar el asistente de configuración de correo.',
};

const cache = {};

/** The language to show for `el`: a supported primary subtag, or 'en'. */
export function langOf(el) {
  for (const c of [el.closest('[lang]')?.getAttribute('lang'), document.documentElement.lang]) {
    const l = (c || '').toLowerCase().split(/[-_]/)[0];
    if (LANGS.includes(l)) return l;
  }
  return 'en';
}

/** Resolves to the message table of `lang` (loaded once). */
export function loadLocale(lang) {
  return (cache[lang] ??= LOADERS[lang]().then((m) => m.default, (e) => {
    delete cache[lang];
    throw e;
  }));
}

/** Fills `{name}` placeholders; the result is only ever used as text. */
export const fmt = (s, vars) => String(s).replace(/\{(\w+)\}/g, (_, k) => vars?.[k] ?? '');
