/**
 * Reads back the CSV this package writes, for its summary and its tests:
 * quoted fields and doubled quotes, no line breaks inside cells.
 */
export function parseCsv(text: string): string[][] {
  return text
    .split('\n')
    .filter(line => line !== '')
    .map(splitCsvLine);
}

/** Splits one CSV line, honouring quoted fields and doubled quotes. */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell);
  return cells;
}

/** One CSV field, quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A cost with four decimals, never `-0.0000`. */
export function money(value: number): string {
  const text = value.toFixed(4);
  return text === '-0.0000' ? '0.0000' : text;
}

/** Midnight UTC of a time as a FOCUS date-time, `YYYY-MM-DDT00:00:00Z`. */
export function isoDay(time: number): string {
  return `${new Date(time).toISOString().slice(0, 10)}T00:00:00Z`;
}
