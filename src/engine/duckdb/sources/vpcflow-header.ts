// The header line of a text flow log file: AWS writes the record's field names, in order, as the
// first line of every file, and a custom format may hold any fields in any order. Columns are bound
// by that line, never by position; a header naming a field we do not know is reported, not guessed.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { VpcFlowField, vpcFlowField } from '../../../query/vpcflow.catalogue';

export type VpcFlowHeader =
  | { ok: true; text: string; fields: readonly VpcFlowField[] }
  | { ok: false; text: string | null; problem: string };

/** The header's fields, or why the line cannot be one. */
export function parseHeader(line: string | null): VpcFlowHeader {
  if (line === null || line.trim() === '') return { ok: false, text: line, problem: 'the file has no header line (it is empty or starts with an empty line)' };
  const text = line.replace(/\r$/, '');
  const names = text.split(' ');
  // AWS separates fields with exactly one space, as it does in records: an empty name means the
  // line is not a header AWS wrote, and binding by it would shift every column after the gap.
  if (names.includes('')) return { ok: false, text, problem: 'the header line has an empty field name (two spaces in a row, or a leading or trailing space)' };
  const fields: VpcFlowField[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const known = vpcFlowField(name);
    if (!known) {
      const hint = /^\d/.test(name) ? ' (the first line looks like a record: flow log files start with a header line naming their fields)' : '';
      return { ok: false, text, problem: `the header line names a field auditql does not know: ${JSON.stringify(name.slice(0, 80))}${hint}` };
    }
    if (seen.has(name)) return { ok: false, text, problem: `the header line names the field ${JSON.stringify(name)} twice` };
    seen.add(name);
    fields.push(known);
  }
  if (!seen.has('start')) {
    return { ok: false, text, problem: 'the header line has no start field, so its records cannot be placed in a time window (add ${start} to the flow log format)' };
  }
  return { ok: true, text, fields };
}

/** Longest first line read: a header of every known field is under 1.5 KB. */
const MAX_FIRST_LINE = 64 * 1024;

/**
 * The first line of a file (gunzipped when the name ends in .gz), without reading the rest: the
 * stream stops at the first newline. Null for an empty file; rejects when the file cannot be read.
 */
export function readFirstLine(absolutePath: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const raw = createReadStream(absolutePath, { highWaterMark: 16 * 1024 });
    const stream = absolutePath.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
    const chunks: Buffer[] = [];
    let length = 0;
    let settled = false;
    const finish = (line: string | null): void => {
      if (settled) return;
      settled = true;
      raw.destroy();
      if (stream !== raw) stream.destroy();
      resolve(line);
    };
    const fail = (e: Error): void => {
      if (settled) return;
      settled = true;
      raw.destroy();
      if (stream !== raw) stream.destroy();
      reject(e);
    };
    stream.on('data', (chunk: Buffer) => {
      const newline = chunk.indexOf(0x0a);
      if (newline >= 0) {
        chunks.push(chunk.subarray(0, newline));
        finish(Buffer.concat(chunks).toString('utf8'));
        return;
      }
      chunks.push(chunk);
      length += chunk.length;
      if (length > MAX_FIRST_LINE) finish(Buffer.concat(chunks).subarray(0, MAX_FIRST_LINE).toString('utf8'));
    });
    stream.on('end', () => finish(length === 0 ? null : Buffer.concat(chunks).toString('utf8')));
    stream.on('error', fail);
    raw.on('error', fail);
  });
}
