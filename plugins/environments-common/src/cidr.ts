/** An IPv4 or IPv6 network as a closed range of addresses. */
export interface Cidr {
  text: string;
  version: 4 | 6;
  first: bigint;
  last: bigint;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) + BigInt(Number(part));
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [
    ...head,
    ...Array(halves.length === 2 ? missing : 0).fill('0'),
    ...tail,
  ];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) + BigInt(parseInt(group, 16));
  }
  return value;
}

/** Parses `10.10.0.0/16` or `fd00::/8`; undefined when it is not a CIDR block. */
export function parseCidr(text: string): Cidr | undefined {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(text.trim());
  if (!match) return undefined;
  const version = match[1].includes(':') ? 6 : 4;
  const address = version === 4 ? parseIpv4(match[1]) : parseIpv6(match[1]);
  const bits = version === 4 ? 32 : 128;
  const prefix = Number(match[2]);
  if (address === undefined || prefix > bits) return undefined;
  const hostBits = BigInt(bits - prefix);
  const first = (address >> hostBits) << hostBits;
  const last = first + (1n << hostBits) - 1n;
  return { text, version, first, last };
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.version === b.version && a.first <= b.last && b.first <= a.last;
}

/**
 * A set of non-overlapping networks that answers "what does this one
 * overlap?" in O(log n): the members are disjoint, so only the member that
 * starts last at or before the new block's end can overlap it.
 */
export class DisjointNetworks<T> {
  private readonly members: Record<4 | 6, Array<{ cidr: Cidr; value: T }>> = {
    4: [],
    6: [],
  };

  /** The member that overlaps `cidr`, if any. */
  findOverlap(cidr: Cidr): { cidr: Cidr; value: T } | undefined {
    const list = this.members[cidr.version];
    const i = this.lastStartingAtOrBefore(list, cidr.last);
    const candidate = i >= 0 ? list[i] : undefined;
    return candidate && cidrsOverlap(candidate.cidr, cidr)
      ? candidate
      : undefined;
  }

  /** Adds `cidr`, which must not overlap a member. */
  add(cidr: Cidr, value: T) {
    const list = this.members[cidr.version];
    list.splice(this.lastStartingAtOrBefore(list, cidr.first) + 1, 0, {
      cidr,
      value,
    });
  }

  private lastStartingAtOrBefore(
    list: Array<{ cidr: Cidr }>,
    address: bigint,
  ): number {
    let low = 0;
    let high = list.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (list[mid].cidr.first <= address) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }
}
