// Locale loading: one module per language under ./locales/, fetched only when
// that language is shown. Language order: the element's `lang`, the nearest
// ancestor's, the page's <html lang>, then (only when the page names no
// language at all) the browser's languages, then English. Tags match by
// BCP 47 primary subtag; Portuguese and Simplified Chinese map to the one
// locale each has, Traditional Chinese to English rather than the wrong script.
// One static import() per language, so bundlers (Vite, webpack) see each file.
const LOADERS = {
  en: () => import('./locales/en.js'),
  de: () => import('./locales/de.js'),
  fr: () => import('./locales/fr.js'),
  es: () => import('./locales/es.js'),
  it: () => import('./locales/it.js'),
  nl: () => import('./locales/nl.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
  pl: () => import('./locales/pl.js'),
  cs: () => import('./locales/cs.js'),
  tr: () => import('./locales/tr.js'),
  ru: () => import('./locales/ru.js'),
  uk: () => import('./locales/uk.js'),
  ja: () => import('./locales/ja.js'),
  'zh-CN': () => import('./locales/zh-CN.js'),
  ko: () => import('./locales/ko.js'),
  ar: () => import('./locales/ar.js'),
};
// Port lookup's texts (the summary and caveats of each port) come apart from
// the rest, when a visitor first looks up a port: a fifth of a locale that
// most visitors never see.
const PORT_LOADERS = {
  en: () => import('./locales/ports/en.js'),
  de: () => import('./locales/ports/de.js'),
  fr: () => import('./locales/ports/fr.js'),
  es: () => import('./locales/ports/es.js'),
  it: () => import('./locales/ports/it.js'),
  nl: () => import('./locales/ports/nl.js'),
  'pt-BR': () => import('./locales/ports/pt-BR.js'),
  pl: () => import('./locales/ports/pl.js'),
  cs: () => import('./locales/ports/cs.js'),
  tr: () => import('./locales/ports/tr.js'),
  ru: () => import('./locales/ports/ru.js'),
  uk: () => import('./locales/ports/uk.js'),
  ja: () => import('./locales/ports/ja.js'),
  'zh-CN': () => import('./locales/ports/zh-CN.js'),
  ko: () => import('./locales/ports/ko.js'),
  ar: () => import('./locales/ports/ar.js'),
};
export const LANGS = Object.keys(LOADERS);
const RTL = ['ar'];

// Shown before a locale module has arrived (or if it fails to).
export const LOADING = {
  en: 'Loading…', de: 'Wird geladen…', fr: 'Chargement…', es: 'Cargando…', it: 'Caricamento…', nl: 'Bezig met laden…',
  'pt-BR': 'Carregando…', pl: 'Wczytywanie…', cs: 'Načítání…', tr: 'Yükleniyor…', ru: 'Загрузка…', uk: 'Завантаження…',
  ja: '読み込み中…', 'zh-CN': '正在加载…', ko: '불러오는 중…', ar: 'جارٍ التحميل…',
};
export const FAILED = {
  en: 'The mail settings helper could not load.',
  de: 'Der Helfer für Mail-Einstellungen konnte nicht geladen werden.',
  fr: 'L’assistant de réglages e-mail n’a pas pu se charger.',
  es: 'No se pudo cargar el asistente de configuración de correo.',
  it: 'Non è stato possibile caricare l’assistente per le impostazioni di posta.',
  nl: 'De hulp bij e-mailinstellingen kon niet worden geladen.',
  'pt-BR': 'Não foi possível carregar o assistente de configuração de e-mail.',
  pl: 'Nie udało się wczytać pomocnika ustawień poczty.',
  cs: 'Pomocníka s nastavením pošty se nepodařilo načíst.',
  tr: 'E-posta ayarları yardımcısı yüklenemedi.',
  ru: 'Не удалось загрузить помощника по настройке почты.',
  uk: 'Не вдалося завантажити помічника з налаштування пошти.',
  ja: 'メール設定ヘルパーを読み込めませんでした。',
  'zh-CN': '邮件设置助手未能加载。',
  ko: '메일 설정 도우미를 불러오지 못했습니다.',
  ar: 'تعذّر تحميل مساعد إعدادات البريد.',
};

const cache = {};

/** The supported locale for a BCP 47 tag (`pt-PT` → `pt-BR`, `zh-Hans-SG` → `zh-CN`), or ''. */
export function matchLang(tag) {
  const [l, ...sub] = String(tag ?? '').toLowerCase().split(/[-_]/);
  const m = l === 'pt' ? 'pt-BR'
    : l === 'zh' ? (sub.includes('hans') || !sub.some((s) => ['hant', 'tw', 'hk', 'mo'].includes(s)) ? 'zh-CN' : '')
    : l;
  return LANGS.includes(m) ? m : '';
}

// The next element up, across shadow roots.
const up = (n) => n.parentElement ?? n.getRootNode().host;

/** The language to show for `el`: one of LANGS. */
export function langOf(el) {
  const said = [el.getAttribute('lang')];
  for (let n = up(el); n && said.length < 2; n = up(n)) if (n.hasAttribute('lang')) said.push(n.getAttribute('lang'));
  said.push(document.documentElement.getAttribute('lang'));
  const tags = said.filter(Boolean);
  for (const t of tags.length ? tags : navigator.languages ?? [navigator.language]) {
    const l = matchLang(t);
    if (l) return l;
  }
  return 'en';
}

/**
 * The direction to lay `el` out in for `lang`: null when the page set `dir`
 * on the element or on an ancestor no farther than the one giving the
 * language (keep the page's), else the language's own.
 */
export function dirOf(el, lang) {
  for (let n = el; n; n = up(n)) {
    if (n.hasAttribute('dir')) return null;
    if (n.hasAttribute('lang')) break;
  }
  return RTL.includes(lang) ? 'rtl' : 'ltr';
}

const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const isPlural = (v) => 'other' in v && Object.keys(v).every((k) => CATEGORIES.includes(k));

/**
 * A copy of `table` in which every message with a count (`{n}`, or forms by
 * plural category: { one, few, other, … }) knows its language, for fmt().
 */
function prepare(table, lang) {
  const out = Array.isArray(table) ? [] : {};
  for (const [k, v] of Object.entries(table)) {
    out[k] = typeof v === 'string' ? (v.includes('{n}') ? { other: v, lang } : v)
      : isPlural(v) ? { ...v, lang } : prepare(v, lang);
  }
  return out;
}

/** Resolves to the message table of `lang` (loaded once). */
export function loadLocale(lang) {
  return (cache[lang] ??= LOADERS[lang]().then((m) => prepare(m.default, lang), (e) => {
    delete cache[lang];
    throw e;
  }));
}

/** Resolves to Port lookup's texts of `lang`, by port number (loaded once). */
export function loadPortTexts(lang) {
  return (cache[`ports ${lang}`] ??= PORT_LOADERS[lang]().then((m) => m.default, (e) => {
    delete cache[`ports ${lang}`];
    throw e;
  }));
}

/**
 * Fills `{name}` placeholders. The result is a String, so it works as text
 * anywhere; its `parts` alternate text and values, which h() puts in <bdi>
 * elements, so a host name or a port keeps its own direction inside
 * right-to-left text. A message with a count picks its plural form with
 * Intl.PluralRules and writes `{n}` with Intl.NumberFormat; every other
 * value, ports included, is written as given (ASCII digits).
 */
export function fmt(s, vars) {
  if (s && typeof s === 'object') {
    const { lang } = s;
    const n = Number(vars?.n);
    s = s[new Intl.PluralRules(lang).select(n)] ?? s.other;
    vars = { ...vars, n: new Intl.NumberFormat(lang).format(n) };
  }
  const parts = String(s).split(/\{(\w+)\}/).map((p, i) => (i % 2 ? String(vars?.[p] ?? '') : p));
  return Object.assign(new String(parts.join('')), { parts });
}

/** "a, b or c" in the words and punctuation of `lang` (Intl.ListFormat): alternatives such as sign-in methods. */
export const orList = (lang, items) => new Intl.ListFormat(lang, { type: 'disjunction' }).format(items);
/** "a, b and c" in the words and punctuation of `lang`. */
export const andList = (lang, items) => new Intl.ListFormat(lang).format(items);
