/** Data older than this are marked stale: the backend probes every 30 s or so. */
export const STALE_AFTER_MS = 2 * 60 * 1000;

/** `12 s ago`, `3 min ago`, `2 h ago`, `4 d ago`; times in the future read `just now`. */
export function shortAgo(then: Date, now: Date): string {
  const seconds = Math.floor((now.getTime() - then.getTime()) / 1000);
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86400)} d ago`;
}

/** A valid date from an ISO string, or undefined. */
export function parseTime(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function isStale(then: Date, now: Date): boolean {
  return now.getTime() - then.getTime() > STALE_AFTER_MS;
}

/** `16 cores`, `1.5 cores`, `1 core`. */
export function formatCores(cores: number): string {
  const rounded = Math.round(cores * 10) / 10;
  const figure = new Intl.NumberFormat('en-US', {
    maximumFractionDigits: 1,
  }).format(rounded);
  return `${figure} ${rounded === 1 ? 'core' : 'cores'}`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Binary units, as Kubernetes reports memory: `62.8 GiB`. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const figure = new Intl.NumberFormat('en-US', {
    maximumFractionDigits: value >= 100 || unit === 0 ? 0 : 1,
  }).format(value);
  return `${figure} ${BYTE_UNITS[unit]}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `1.36` from a server `gitVersion` such as `v1.36.2` or `v1.36.2-eks-1234`. */
export function serverMinor(
  gitVersion: string | undefined,
): string | undefined {
  const match = gitVersion ? /^v?(\d+)\.(\d+)/.exec(gitVersion) : null;
  return match ? `${Number(match[1])}.${Number(match[2])}` : undefined;
}
