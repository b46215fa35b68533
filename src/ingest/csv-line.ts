/**
 * A small RFC 4180 field splitter for one CSV record: comma-separated, fields optionally quoted with
 * `"`, a quote inside a quoted field doubled (`""`). Returns null while a quoted field is still open,
 * so the caller can append the next physical line (quoted line breaks).
 */

/** The fields of one record, or null when `text` ends inside a quoted field. */
export function splitCsvRecord(text: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34 /* " */) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return null;
        value += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      const comma = text.indexOf(',', i);
      // characters between the closing quote and the comma are kept (lenient, as csv-parse relax_quotes)
      value += comma < 0 ? text.slice(i) : text.slice(i, comma);
      fields.push(value);
      if (comma < 0) return fields;
      i = comma + 1;
    } else {
      const comma = text.indexOf(',', i);
      if (comma < 0) {
        fields.push(text.slice(i));
        return fields;
      }
      fields.push(text.slice(i, comma));
      i = comma + 1;
    }
  }
}
