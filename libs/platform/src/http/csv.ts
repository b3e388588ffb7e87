/** UTF-8 byte-order mark: without it Excel opens a UTF-8 CSV as GBK and Chinese text garbles. */
export const UTF8_BOM = '\uFEFF';

/**
 * One CSV field (RFC 4180 quoting). A text starting with = + - @ (or a tab/CR) is prefixed with
 * an apostrophe so that Excel never runs it as a formula (CSV injection): free text such as an
 * employer name comes from outside.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join(';') : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => unknown;
}

/** The header line, then one line per row; batched into chunks so the socket sees few writes. */
export async function* csvChunks<T>(columns: CsvColumn<T>[], rows: AsyncIterable<T>, rowsPerChunk = 500): AsyncGenerator<string> {
  let chunk = UTF8_BOM + csvLine(columns.map((c) => c.header));
  let count = 0;
  for await (const row of rows) {
    chunk += csvLine(columns.map((c) => c.value(row)));
    if (++count % rowsPerChunk === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
