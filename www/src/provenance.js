// The quiet "where this comes from" line under a provider's name, and the
// label of an alternative server's source. Pure functions of a lookupProvider
// result and a locale table, so tests can call them directly.

/** Checks older than this many years are worded more softly. */
export const OLD_AFTER_YEARS = 3;

/** `YYYY-MM-DD` → `YYYY-MM`: the month is as precise as a reader needs. */
const month = (date) => String(date).slice(0, 7);

/**
 * `{ text, old }` for a provider match: the best source names the line
 * ("Checked against Google Mail's help pages, 2026-12"; "published help
 * pages" when the page checked is not the provider's own); `old` is true when
 * the newest check is more than OLD_AFTER_YEARS before `now`. Null when
 * nothing is known.
 */
export function provenance(rec, p, now = new Date()) {
  const sources = rec?.sources ?? [];
  const best = sources[0];
  if (!best) return null;
  if (best.name === 'custom') return { text: p.custom, old: false };
  const checked = rec.checked ?? best.checked;
  const key = best.name === 'reviewed' ? (best.secondHand ? 'secondHand' : 'reviewed') : best.name;
  const date = checked ? month(checked) : '';
  const limit = new Date(now);
  limit.setFullYear(limit.getFullYear() - OLD_AFTER_YEARS);
  const old = Boolean(checked) && new Date(`${checked}T00:00:00Z`) < limit;
  const text = old ? p.old : p[key];
  return { text: fill(text, { name: rec.name, date }), old };
}

const fill = (s, vars) => String(s ?? '').replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '');
