/**
 * Seeded pseudo-random numbers for the demo generators.
 *
 * Math.random cannot be seeded, and the demo archives must be byte-identical for the same inputs, so
 * every random choice in src/demo goes through an Rng built from a seed derived with mixSeed. Each
 * independent stream of choices (one account/region/day, the day's script, the file names) gets its
 * own Rng, so that adding a choice in one stream never shifts the values drawn in another.
 */

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';
/** Byte → two hex digits: formatting UUIDs through a table is several times faster than toString(16). */
const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => HEX.charAt(i >> 4) + HEX.charAt(i & 15));

export interface Weighted<T> {
  readonly weight: number;
  readonly value: T;
}

/** mulberry32: tiny, fast, and good enough for synthetic data (not for anything secret). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  nextU32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(items: readonly Weighted<T>[]): T {
    return pickWeighted(items, this.next());
  }

  alnum(length: number): string {
    return this.fromAlphabet(ALNUM, length);
  }

  upperAlnum(length: number): string {
    return this.fromAlphabet(UPPER_ALNUM, length);
  }

  hex(length: number): string {
    return this.fromAlphabet(HEX, length);
  }

  /** Standard base64 text of random bytes (the alphabet of S3's x-amz-id-2 and session tokens). */
  base64(length: number): string {
    const bytes = Buffer.allocUnsafe(Math.ceil((length * 3) / 4 / 4) * 4);
    for (let i = 0; i < bytes.length; i += 4) bytes.writeUInt32LE(this.nextU32(), i);
    return bytes.toString('base64').slice(0, length);
  }

  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += String(this.nextU32() % 10);
    return out;
  }

  /** A version-4-shaped UUID, as CloudTrail uses for eventID and many requestIDs. */
  uuid(): string {
    const a = this.nextU32();
    const b = this.nextU32();
    const c = this.nextU32();
    const d = this.nextU32();
    return (
      hex32(a) +
      '-' +
      hex16(b >>> 16) +
      '-4' +
      HEX.charAt((b >>> 8) & 15) +
      byteHex(b) +
      '-' +
      HEX.charAt(8 + ((c >>> 28) & 3)) +
      HEX.charAt((c >>> 24) & 15) +
      byteHex(c >>> 16) +
      '-' +
      hex16(c) +
      hex32(d)
    );
  }

  private fromAlphabet(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet.charAt(this.nextU32() % alphabet.length);
    return out;
  }
}

function byteHex(n: number): string {
  return BYTE_HEX[n & 255] as string;
}

function hex16(n: number): string {
  return byteHex(n >>> 8) + byteHex(n);
}

function hex32(n: number): string {
  return hex16(n >>> 16) + hex16(n);
}

/** Picks from a weighted list with a caller-supplied uniform draw `u` in [0, 1). */
export function pickWeighted<T>(items: readonly Weighted<T>[], u: number): T {
  let total = 0;
  for (const item of items) total += item.weight;
  let target = u * total;
  for (const item of items) {
    target -= item.weight;
    if (target < 0) return item.value;
  }
  const last = items[items.length - 1];
  if (last === undefined) throw new Error('pickWeighted: empty list');
  return last.value;
}

/**
 * Hashes the parts into a 32-bit seed (FNV-1a over their text, then a murmur finaliser), so that a
 * stream's seed depends only on what identifies it (seed, day, account, region...) and not on the
 * order in which streams happen to be generated.
 */
export function mixSeed(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = String(part) + '\u0000';
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
