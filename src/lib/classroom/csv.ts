/**
 * CSV that opens correctly in Excel and LibreOffice: UTF-8 with a byte-order
 * mark (so Excel reads é, ë, ü), CRLF line ends, every field quoted when it
 * needs to be, and the separator a spreadsheet in that language expects:
 * a semicolon where the decimal separator is a comma (nl, fr, de in Belgium),
 * a comma in English. Cells that start like a formula (= + - @) get a leading
 * apostrophe so that a pupil's nickname can never run as a formula.
 */
export function csvSeparator(locale: string): ';' | ',' {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
  return decimal === ',' ? ';' : ',';
}

function field(value: string | number, separator: string): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number)[])[], separator: ';' | ','): string {
  return '\ufeff' + rows.map((row) => row.map((v) => field(v, separator)).join(separator)).join('\r\n') + '\r\n';
}
