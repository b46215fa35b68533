/**
 * Pure text rules of erasure: where an entity id is named, and how a value is rewritten so it no longer
 * names it. An id is named where it occurs as a whole token: the characters on either side (if any) are
 * not id characters (letters, digits, `_`, `-`), so erasing `E1` never touches `E10` or `x-E1`. Ids are
 * also looked for in their JSON-escaped form (an id with a quote or a control character inside a JSON
 * string or an NDJSON line).
 */

/** What replaces an erased id in derived values (evidence JSON, paths, alert fields). */
export const ERASED = '(erased)';

const ID_CHAR = /[A-Za-z0-9_-]/;

/** The forms an id takes in stored text: as is and JSON-escaped (when different). */
export function idForms(id: string): string[] {
  const escaped = JSON.stringify(id).slice(1, -1);
  return escaped === id ? [id] : [id, escaped];
}

function isBoundary(text: string, at: number): boolean {
  const c = text[at];
  return c === undefined || !ID_CHAR.test(c);
}

/** Start offsets of the whole-token occurrences of `form` in `text`. */
function occurrences(text: string, form: string): number[] {
  const found: number[] = [];
  if (form.length === 0) return found;
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    const first = ID_CHAR.test(form[0]!);
    const last = ID_CHAR.test(form[form.length - 1]!);
    if ((!first || isBoundary(text, at - 1)) && (!last || isBoundary(text, at + form.length))) found.push(at);
  }
  return found;
}

/** True when `text` names `id` (as a whole token, plain or JSON-escaped). */
export function namesId(text: string, id: string): boolean {
  return idForms(id).some((form) => occurrences(text, form).length > 0);
}

/** `text` with every whole-token occurrence of `id` (plain or JSON-escaped) replaced by {@link ERASED}. */
export function redactText(text: string, id: string): string {
  let out = text;
  for (const form of idForms(id)) {
    const at = occurrences(out, form);
    if (at.length === 0) continue;
    let rebuilt = '';
    let from = 0;
    for (const start of at) {
      rebuilt += out.slice(from, start) + ERASED;
      from = start + form.length;
    }
    out = rebuilt + out.slice(from);
  }
  return out;
}

/** A stored property value (string or list of strings) rewritten so it no longer names `id`. */
export function redactValue(value: unknown, id: string): unknown {
  if (typeof value === 'string') return redactText(value, id);
  if (Array.isArray(value)) return value.map((x) => (typeof x === 'string' ? redactText(x, id) : x));
  return value;
}

/** True when a stored value (string, list, or anything JSON-able) names `id`. */
export function valueNamesId(value: unknown, id: string): boolean {
  if (typeof value === 'string') return namesId(value, id);
  if (Array.isArray(value)) return value.some((x) => valueNamesId(x, id));
  return false;
}
