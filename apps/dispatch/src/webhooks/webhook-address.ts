import { isIPv4, isIPv6 } from 'node:net';

/**
 * Which addresses a webhook may connect to. A station chooses its URL, so without this check the
 * dispatcher would POST (and report back on) anything the cluster can reach: loopback, the pod
 * network, the cloud metadata service. Only globally routable unicast addresses are allowed.
 */
export type BlockedRange =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared address space (CGNAT)'
  | 'link-local'
  | 'site-local'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'benchmarking'
  | 'reserved';

type Cidr = [prefix: number[], bits: number, range: BlockedRange];

const V4: Cidr[] = [
  [[0, 0, 0, 0], 8, 'unspecified'],
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'shared address space (CGNAT)'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local'], // includes 169.254.169.254, the cloud metadata service
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'reserved'],
  [[192, 0, 2, 0], 24, 'documentation'],
  [[192, 88, 99, 0], 24, 'reserved'],
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'benchmarking'],
  [[198, 51, 100, 0], 24, 'documentation'],
  [[203, 0, 113, 0], 24, 'documentation'],
  [[224, 0, 0, 0], 4, 'multicast'],
  [[255, 255, 255, 255], 32, 'broadcast'],
  [[240, 0, 0, 0], 4, 'reserved'],
];

/** IPv6 ranges, as 16 bytes. Forms that embed an IPv4 address are checked by that address (below). */
const V6: Cidr[] = [
  [parseV6('::'), 128, 'unspecified'],
  [parseV6('::1'), 128, 'loopback'],
  [parseV6('100::'), 64, 'reserved'], // discard-only
  [parseV6('64:ff9b:1::'), 48, 'private'], // local-use IPv4/IPv6 translation
  [parseV6('2001::'), 32, 'reserved'], // Teredo: the IPv4 inside is obfuscated, so refuse the lot
  [parseV6('2001:db8::'), 32, 'documentation'],
  [parseV6('fc00::'), 7, 'private'],
  [parseV6('fe80::'), 10, 'link-local'],
  [parseV6('fec0::'), 10, 'site-local'],
  [parseV6('ff00::'), 8, 'multicast'],
];

/** Where an IPv6 address carries an IPv4 address that the packet (eventually) goes to. */
const EMBEDS_V4: [prefix: number[], bits: number, offset: number][] = [
  [parseV6('::ffff:0:0'), 96, 12], // IPv4-mapped, ::ffff:127.0.0.1
  [parseV6('::ffff:0:0:0'), 96, 12], // IPv4-translated (SIIT)
  [parseV6('64:ff9b::'), 96, 12], // NAT64 well-known prefix
  [parseV6('::'), 96, 12], // IPv4-compatible (deprecated), ::127.0.0.1
  [parseV6('2002::'), 16, 2], // 6to4
];

/** The blocked range an IP address falls in, or undefined for a public address (or not an IP). */
export function blockedRange(address: string): BlockedRange | undefined {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(ip)) return match(V4, ip.split('.').map(Number));
  if (!isIPv6(ip)) return undefined;
  const bytes = parseV6(ip);
  const own = match(V6.slice(0, 2), bytes); // :: and ::1 before the IPv4-compatible form
  if (own) return own;
  for (const [prefix, bits, offset] of EMBEDS_V4) {
    if (inPrefix(bytes, prefix, bits)) return match(V4, bytes.slice(offset, offset + 4));
  }
  return match(V6, bytes);
}

export function isIpLiteral(host: string): boolean {
  const ip = host.replace(/^\[|\]$/g, '');
  return isIPv4(ip) || isIPv6(ip.replace(/%.*$/, ''));
}

function match(table: Cidr[], bytes: number[]): BlockedRange | undefined {
  return table.find(([prefix, bits]) => inPrefix(bytes, prefix, bits))?.[2];
}

function inPrefix(bytes: number[], prefix: number[], bits: number): boolean {
  for (let i = 0; i < prefix.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i] & mask) !== (prefix[i] & mask)) return false;
  }
  return true;
}

/** 16 bytes of a valid IPv6 text (isIPv6 checked), with `::` and a trailing dotted quad. */
function parseV6(text: string): number[] {
  let groups: number[] = [];
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const parse = (part: string): number[] =>
    part
      ? part.split(':').flatMap((group) => {
          if (group.includes('.')) {
            const [a, b, c, d] = group.split('.').map(Number);
            return [(a << 8) | b, (c << 8) | d];
          }
          return [parseInt(group, 16)];
        })
      : [];
  const left = parse(head);
  if (tail === undefined) groups = left;
  else {
    const right = parse(tail);
    groups = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  }
  return groups.flatMap((group) => [group >> 8, group & 0xff]);
}
