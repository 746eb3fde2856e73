// VPC Flow Logs for the embedded engine: text files (plain or gzip) whose first line names their
// fields, and Parquet files, in the plain or Hive-style layout (vpcflow-listing.ts). Each text file's
// header is read once (in listFiles, cached by path, size and mtime); files sharing a header are read
// by one read_csv bound to it, and every group is unioned by name into `vpc_flow_logs`.
import * as path from 'node:path';
import type { PartitionHints } from '../../../query/query-plan';
import type { TimeWindow } from '../../../query/time-window';
import { vpcFlowFieldByColumn } from '../../../query/vpcflow.catalogue';
import type { ArchiveFile } from '../archive-listing';
import type { FileHealth, LogSource } from '../log-source';
import { keyStart } from '../file-sql';
import { parseHeader, readFirstLine, VpcFlowHeader } from './vpcflow-header';
import { dayOfKey, listVpcFlowFiles } from './vpcflow-listing';
import { emptySource, parquetBranch, parquetHealth, textBranch, textHealth, unreadableHealth, viewSql } from './vpcflow-sql';

const isParquet = (f: ArchiveFile): boolean => f.key.endsWith('.parquet');

/** Headers read at once: enough to overlap gunzip start-up, few enough to bound open files. */
const HEADER_READS_IN_FLIGHT = 16;
/** Headers kept: one entry per file ever listed; the oldest go first past this many. */
const MAX_CACHED_HEADERS = 200_000;

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    let list = out.get(key);
    if (!list) out.set(key, (list = []));
    list.push(item);
  }
  return out;
}

function problemOfParquet(columns: readonly string[]): string | null {
  const unknown = columns.filter((c) => !vpcFlowFieldByColumn(c));
  if (unknown.length > 0) return `the Parquet file has a column auditql does not know: ${unknown.map((c) => JSON.stringify(c)).join(', ')}`;
  if (!columns.includes('start')) return 'the Parquet file has no start column, so its records cannot be placed in a time window';
  return null;
}

/** A reader with its own header cache (tests make their own; the engine uses `vpcFlowSource`). */
export function createVpcFlowSource(): LogSource {
  const headers = new Map<string, VpcFlowHeader>();
  const cacheKey = (root: string, f: ArchiveFile): string => `${path.join(root, f.key)}\u0000${f.size}\u0000${f.mtimeMs}`;

  async function readHeaders(root: string, files: readonly ArchiveFile[]): Promise<void> {
    const todo = files.filter((f) => !isParquet(f) && !headers.has(cacheKey(root, f)));
    for (let i = 0; i < todo.length; i += HEADER_READS_IN_FLIGHT) {
      await Promise.all(
        todo.slice(i, i + HEADER_READS_IN_FLIGHT).map(async (f) => {
          let header: VpcFlowHeader;
          try {
            header = parseHeader(await readFirstLine(path.join(root, f.key)));
          } catch (e) {
            header = { ok: false, text: null, problem: `cannot read the header line: ${(e as Error).message}` };
          }
          headers.set(cacheKey(root, f), header);
        }),
      );
    }
    while (headers.size > MAX_CACHED_HEADERS) headers.delete(headers.keys().next().value as string);
  }

  function headerOf(root: string, f: ArchiveFile): VpcFlowHeader {
    const h = headers.get(cacheKey(root, f));
    // listFiles reads every listed file's header before the engine asks for SQL over it.
    if (!h) throw new Error(`vpc flow reader: no header read for ${f.key} (list files with this source first)`);
    return h;
  }

  return {
    table: 'vpc_flow_logs',

    async listFiles(root: string, window: TimeWindow, hints: PartitionHints): Promise<ArchiveFile[]> {
      const files = await listVpcFlowFiles(root, window, hints);
      await readHeaders(root, files);
      return files;
    },

    healthSql(root: string, files: readonly ArchiveFile[]): string {
      const start = keyStart(root);
      const parts: string[] = [];
      const parquet = files.filter(isParquet);
      if (parquet.length > 0) parts.push(parquetHealth(root, parquet, start));
      const text = files.filter((f) => !isParquet(f));
      for (const group of groupBy(text, (f) => JSON.stringify(headerOf(root, f))).values()) {
        const h = headerOf(root, group[0]!);
        parts.push(h.ok ? textHealth(root, group, h.text, h.fields, start) : unreadableHealth(root, group, h.problem, start));
      }
      return parts.length > 0 ? parts.map((p) => `(${p})`).join('\nUNION ALL BY NAME\n') : 'SELECT NULL AS file WHERE false';
    },

    healthFromRow(r: Record<string, unknown> | undefined): FileHealth {
      if (!r) return { records: 0, malformed: 1, readable: false, problem: 'the file holds no lines (not even a header line)' };
      const lines = Number(r.lines);
      const headerLines = Number(r.headers);
      const records = Number(r.records);
      if (typeof r.problem === 'string') return { records: 0, malformed: Math.max(1, lines - headerLines), readable: false, problem: r.problem };
      if (Array.isArray(r.columns)) {
        const problem = problemOfParquet(r.columns.map(String));
        if (problem) return { records: 0, malformed: Math.max(1, lines), readable: false, problem };
      }
      const malformed = lines - headerLines - records;
      return {
        records,
        malformed,
        readable: true,
        problem: malformed > 0 ? `${malformed} record(s) with the wrong number of fields, a non-numeric value in a numeric field, or no start` : null,
      };
    },

    viewSql(root: string, files: readonly ArchiveFile[], _sql: string): string {
      const sources = [emptySource()];
      for (const [day, dayFiles] of groupBy(files.filter(isParquet), (f) => dayOfKey(f.key))) sources.push(parquetBranch(root, dayFiles, day));
      const text = files.filter((f) => !isParquet(f));
      for (const group of groupBy(text, (f) => `${dayOfKey(f.key)}\u0000${headerOf(root, f).text ?? ''}`).values()) {
        const h = headerOf(root, group[0]!);
        // Only readable files reach the view, and only files with a header we can bind are readable.
        if (h.ok) sources.push(textBranch(root, group, h.fields, dayOfKey(group[0]!.key)));
      }
      return viewSql(sources, keyStart(root));
    },

    // Reading fewer columns of a text file saves no decompression or tokenising (every line is read
    // whole either way), so finding the matching files first would only read them twice.
    readsLessFor(): boolean {
      return false;
    },
  };
}

export const vpcFlowSource: LogSource = createVpcFlowSource();
