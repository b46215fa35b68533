/**
 * A small RFC 4180 record parser: comma-separated fields, optionally quoted with `"`, a quote inside a
 * quoted field doubled (`""`), and quoted fields that hold line breaks. Physical lines are fed one at a
 * time and the quote state is carried from line to line, so every character is examined once however
 * many lines a record spans: a stray quote followed by many lines costs linear time, not a re-split of
 * the whole record gathered so far at every line.
 *
 * Lenient where csv-parse's `relax_quotes` is: a quote inside an unquoted field is an ordinary
 * character, and characters between a closing quote and the next comma are kept.
 */

/** Where the parser is within the current field. */
type State = 'start' | 'quoted' | 'tail';

export class CsvRecordParser {
  /** Characters examined by searches so far, over every line fed (each character at most once). */
  scanned = 0;
  private fields: string[] = [];
  private value = '';
  private state: State = 'start';
  private open = false;

  /** True while a record is unfinished (a quoted field still open at the end of the last line). */
  get isOpen(): boolean {
    return this.open;
  }

  /** Forgets the unfinished record, if any. */
  reset(): void {
    this.fields = [];
    this.value = '';
    this.state = 'start';
    this.open = false;
  }

  /** Feeds one physical line (without its line break): the record's fields once complete, else null. */
  push(line: string): string[] | null {
    if (this.open) this.value += '\n';
    else this.reset();
    let i = 0;
    for (;;) {
      if (this.state === 'quoted') {
        const q = this.find(line, '"', i);
        if (q < 0) {
          this.value += line.slice(i);
          this.open = true;
          return null;
        }
        this.value += line.slice(i, q);
        if (line.charCodeAt(q + 1) === 34 /* " */) {
          this.value += '"';
          i = q + 2;
        } else {
          this.state = 'tail';
          i = q + 1;
        }
        continue;
      }
      if (this.state === 'start' && line.charCodeAt(i) === 34) {
        this.state = 'quoted';
        i += 1;
        continue;
      }
      // an unquoted field, or what follows a closing quote: up to the next comma
      const comma = this.find(line, ',', i);
      this.value += comma < 0 ? line.slice(i) : line.slice(i, comma);
      this.fields.push(this.value);
      this.value = '';
      this.state = 'start';
      if (comma < 0) {
        const fields = this.fields;
        this.fields = [];
        this.open = false;
        return fields;
      }
      i = comma + 1;
    }
  }

  private find(line: string, char: string, from: number): number {
    const at = line.indexOf(char, from);
    this.scanned += Math.max(0, (at < 0 ? line.length : at + 1) - from);
    return at;
  }
}

/** The fields of one record, or null when `text` ends inside a quoted field. */
export function splitCsvRecord(text: string): string[] | null {
  const parser = new CsvRecordParser();
  let fields: string[] | null = null;
  for (const line of text.split('\n')) fields = parser.push(line);
  return fields;
}
