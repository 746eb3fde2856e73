// IP filters take an address or a CIDR block, IPv4 or IPv6. They are validated here and always
// reach SQL as a CIDR parameter of Trino's contains(cidr, ipaddress), which the DuckDB macros mirror.
import { isIP } from 'node:net';
import { badInput } from '../errors';

/** Returns the filter as a CIDR string (`/32` or `/128` added to a bare address). */
export function normaliseIpFilter(value: string, argument: string): string {
  const trimmed = value.trim();
  const [address, prefix, ...rest] = trimmed.split('/');
  const rule = 'must be an IPv4 or IPv6 address, or a CIDR block such as 203.0.113.0/24 or 2001:db8::/32';
  if (address === undefined || rest.length > 0) throw badInput(argument, rule, value);
  const family = isIP(address);
  if (family === 0) throw badInput(argument, rule, value);
  const max = family === 4 ? 32 : 128;
  if (prefix === undefined) return `${address}/${max}`;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) {
    throw badInput(argument, `CIDR prefix length must be 0 to ${max} for IPv${family}`, value);
  }
  return `${address}/${Number(prefix)}`;
}
