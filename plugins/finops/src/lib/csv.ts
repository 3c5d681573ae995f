/** A cell of a CSV: text, or a number written with full precision. */
export type CsvCell = string | number | null | undefined;

// Spreadsheets run text that starts with one of these as a formula; billing
// data carries tags and names anyone with cloud access can write.
const FORMULA_START = /^[=+\-@\t\r]/;

function numberCell(value: number): string {
  if (!Number.isFinite(value)) return '';
  // Six decimals hide float noise (0.1 + 0.2) and keep sub-cent prices.
  return value.toFixed(6).replace(/\.?0+$/, '');
}

function textCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * RFC 4180 text: a header line, then one line per row, lines ended by
 * CRLF, fields with a comma, quote or line break quoted and quotes doubled.
 */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  const line = (cells: CsvCell[]) =>
    cells
      .map(cell => {
        if (cell === null || cell === undefined) return '';
        return typeof cell === 'number' ? numberCell(cell) : textCell(cell);
      })
      .join(',');
  return [header, ...rows].map(line).join('\r\n').concat('\r\n');
}

/** Saves `text` as a file through the browser's download. */
export function downloadCsv(filename: string, text: string): void {
  const blob = new Blob([text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // After the click has been handled; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
