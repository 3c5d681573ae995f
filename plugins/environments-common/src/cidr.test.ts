import { cidrsOverlap, DisjointNetworks, parseCidr } from './cidr';

describe('parseCidr', () => {
  it('reads IPv4 and IPv6 blocks', () => {
    const v4 = parseCidr('10.20.0.0/16')!;
    expect(v4.version).toBe(4);
    expect(v4.last - v4.first + 1n).toBe(65536n);
    const v6 = parseCidr('fd00:10::/32')!;
    expect(v6.version).toBe(6);
    expect(v6.last - v6.first + 1n).toBe(1n << 96n);
  });

  it('rejects what is not a block', () => {
    for (const bad of [
      '10.0.0.0',
      '10.0.0.0/33',
      '10.256.0.0/16',
      '1::2::3/64',
      'x/8',
    ]) {
      expect(parseCidr(bad)).toBeUndefined();
    }
  });

  it('knows when blocks overlap', () => {
    const a = parseCidr('10.10.0.0/16')!;
    expect(cidrsOverlap(a, parseCidr('10.10.128.0/17')!)).toBe(true);
    expect(cidrsOverlap(a, parseCidr('10.11.0.0/16')!)).toBe(false);
    expect(cidrsOverlap(a, parseCidr('fd00::/8')!)).toBe(false);
  });
});

describe('DisjointNetworks', () => {
  it('finds the member a new block overlaps, whether it contains it or sits inside it', () => {
    const set = new DisjointNetworks<string>();
    set.add(parseCidr('10.20.0.0/16')!, 'b');
    set.add(parseCidr('10.10.0.0/16')!, 'a');
    set.add(parseCidr('172.16.0.0/12')!, 'c');
    expect(set.findOverlap(parseCidr('10.20.5.0/24')!)?.value).toBe('b');
    expect(set.findOverlap(parseCidr('10.0.0.0/8')!)?.value).toBe('b');
    expect(set.findOverlap(parseCidr('172.20.0.0/16')!)?.value).toBe('c');
    expect(set.findOverlap(parseCidr('10.30.0.0/16')!)).toBeUndefined();
    expect(set.findOverlap(parseCidr('192.168.0.0/16')!)).toBeUndefined();
  });
});
