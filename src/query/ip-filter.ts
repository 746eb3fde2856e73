// IP filters take an address or a CIDR block, IPv4 or IPv6. They are validated here and always
// reach SQL as a CIDR parameter of Trino's contains(cidr, ipaddress), which the DuckDB macros mirror.
import { BlockList, isIP } from 'node:net';
import { badInput } from '../errors';

const IPV4_MAPPED = new BlockList();
IPV4_MAPPED.addSubnet('::ffff:0:0', 96, 'ipv6');

/** Returns the filter as a CIDR string (`/32` or `/128` added to a bare address). */
export function normaliseIpFilter(value: string, argument: string): string {
  const trimmed = value.trim();
  const [address, prefix, ...rest] = trimmed.split('/');
  const rule = 'must be an IPv4 or IPv6 address, or a CIDR block such as 203.0.113.0/24 or 2001:db8::/32';
  if (address === undefined || rest.length > 0) throw badInput(argument, rule, value);
  const family = isIP(address);
  if (family === 0) throw badInput(argument, rule, value);
  // Node accepts forms the engines do not treat alike: the DuckDB macro parses only hex-group IPv6,
  // and Trino reads IPv4-mapped IPv6 (::ffff:a.b.c.d) as IPv4, so its prefix would mean something else.
  if (family === 6 && /[.%]/.test(address)) {
    throw badInput(argument, 'IPv6 must be written as hex groups without a zone (e.g. 64:ff9b::a00:0); write IPv4 addresses in IPv4 form', value);
  }
  if (family === 6 && IPV4_MAPPED.check(address, 'ipv6')) {
    throw badInput(argument, 'write IPv4-mapped addresses in IPv4 form (e.g. 10.0.0.0/8 for ::ffff:a00:0/104)', value);
  }
  const max = family === 4 ? 32 : 128;
  if (prefix === undefined) return `${address}/${max}`;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) {
    throw badInput(argument, `CIDR prefix length must be 0 to ${max} for IPv${family}`, value);
  }
  const length = Number(prefix);
  if (family === 4) {
    // Trino's contains() fails with "Invalid CIDR" when an IPv4 block has bits set after the prefix.
    const n = address.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
    const hostSize = 2 ** (32 - length);
    if (n % hostSize !== 0) {
      const network = n - (n % hostSize);
      const dotted = [24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join('.');
      throw badInput(argument, `an IPv4 CIDR block must have no bits set after the prefix length (did you mean ${dotted}/${length}?)`, value);
    }
  }
  return `${address}/${length}`;
}
