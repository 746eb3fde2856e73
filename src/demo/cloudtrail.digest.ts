/**
 * CloudTrail digest files: the integrity-validation documents AWS writes beside the logs, listing
 * each log file's SHA-256 and chaining to the previous digest. They hold no Records; they are here so
 * that readers prove they skip CloudTrail-Digest/ rather than trip over it.
 */

import { createHash } from 'node:crypto';
import { DEMO_LOG_ARCHIVE_BUCKET } from './demo-world';
import { isoSeconds } from './time';

export interface DigestedLogFile {
  readonly key: string;
  /** Hex SHA-256 of the uncompressed log file, as AWS computes it. */
  readonly sha256: string;
  readonly oldestEventTime: string | null;
  readonly newestEventTime: string | null;
}

/** What the next digest in the chain needs from this one. */
export interface DigestLink {
  readonly key: string;
  readonly sha256: string;
  readonly signature: string;
}

export interface DigestInput {
  readonly accountId: string;
  readonly key: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly files: readonly DigestedLogFile[];
  readonly previous: DigestLink | undefined;
}

/** Not AWS's key; readers must not try to validate demo signatures. */
const DEMO_PUBLIC_KEY_FINGERPRINT = '6f3d2a9c81b04e57a2c9d0e1f4b7a835';

export function sha256Hex(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

export function digestDocument(input: DigestInput): { json: string; link: DigestLink } {
  const times = input.files.flatMap((f) => [f.oldestEventTime, f.newestEventTime]).filter((t): t is string => t !== null).sort();
  const previous = input.previous;
  const doc = {
    awsAccountId: input.accountId,
    digestStartTime: isoSeconds(input.startMs),
    digestEndTime: isoSeconds(input.endMs),
    digestS3Bucket: DEMO_LOG_ARCHIVE_BUCKET,
    digestS3Object: input.key,
    digestPublicKeyFingerprint: DEMO_PUBLIC_KEY_FINGERPRINT,
    digestSignatureAlgorithm: 'SHA256withRSA',
    newestEventTime: times[times.length - 1] ?? null,
    oldestEventTime: times[0] ?? null,
    previousDigestS3Bucket: previous === undefined ? null : DEMO_LOG_ARCHIVE_BUCKET,
    previousDigestS3Object: previous?.key ?? null,
    previousDigestHashValue: previous?.sha256 ?? null,
    previousDigestHashAlgorithm: previous === undefined ? null : 'SHA-256',
    previousDigestSignature: previous?.signature ?? null,
    // AWS lists the newest log file first.
    logFiles: [...input.files].reverse().map((f) => ({
      s3Bucket: DEMO_LOG_ARCHIVE_BUCKET,
      s3Object: f.key,
      hashValue: f.sha256,
      hashAlgorithm: 'SHA-256',
      newestEventTime: f.newestEventTime,
      oldestEventTime: f.oldestEventTime,
    })),
  };
  const json = JSON.stringify(doc);
  const sha256 = sha256Hex(json);
  // A real signature is RSA over the digest; a deterministic stand-in of the same length keeps the
  // chain's shape without pretending to be verifiable.
  const signature = sha256.repeat(8);
  return { json, link: { key: input.key, sha256, signature } };
}
