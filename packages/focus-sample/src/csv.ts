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
