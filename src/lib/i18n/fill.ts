/**
 * Fills {{name}} placeholders in a string that was translated at build time
 * and handed to an island, with values only the browser knows (points, dates).
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
