// `auditql query` as scripts use it: in-process execution, JSON out, failure on errors, --explain
// printing SQL without running anything.
import 'reflect-metadata';
import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { removeDir, tempDir, trailRecord, writeTrailFile } from '../../test/helpers/archive';
import { loadConfig } from '../config';
import { DuckDbEngine } from '../engine/duckdb/duckdb.engine';
import { parseVariables, runQueryCommand } from './query.command';

const WINDOW = { from: '2026-11-30T00:00:00Z', to: '2026-12-01T00:00:00Z' };
const DOC = `query($window: TimeWindow!) { cloudTrailCounts(window: $window, filter: { userName: "o'brien" }, groupBy: [EVENT_NAME]) { groups { keys count } } }`;

describe('auditql query', () => {
  let root: string;
  beforeAll(async () => {
    root = await tempDir();
    await writeTrailFile(root, { day: '2026/11/30', records: [trailRecord({ eventName: 'Hit', userIdentity: { userName: "o'brien" } }), trailRecord({ eventName: 'Miss' })] });
  });
  afterAll(() => removeDir(root));

  it('runs a document against the archive and returns the response', async () => {
    const config = loadConfig({}, { archiveDir: root });
    const out = await runQueryCommand(config, { document: DOC, variables: { window: WINDOW }, explain: false }, () => DuckDbEngine.create({ archiveDir: root }));
    expect(out.ok).toBe(true);
    expect(out.json).toEqual({ data: { cloudTrailCounts: { groups: [{ keys: ['Hit'], count: '1' }] } } });
  });

  it('reports errors and fails', async () => {
    const config = loadConfig({}, { archiveDir: root });
    const out = await runQueryCommand(config, { document: DOC, variables: { window: { from: WINDOW.to, to: WINDOW.from } }, explain: false }, () => DuckDbEngine.create({ archiveDir: root }));
    expect(out.ok).toBe(false);
    expect(JSON.stringify(out.json)).toContain('window: from must be earlier than to');
  });

  it('explains without running anything or needing an engine, for Athena too', async () => {
    const config = loadConfig({}, { archiveDir: root, engine: 'athena' });
    const out = await runQueryCommand(config, { document: DOC, variables: { window: WINDOW }, explain: true }, () => {
      throw new Error('no engine may be built for --explain');
    });
    expect(out.ok).toBe(true);
    const [x] = (out.json as { explain: { engine: string; sql: string; parameters: unknown[]; executionParameters: string[] }[] }).explain;
    expect(x).toMatchObject({ engine: 'athena', parameters: ['2026/11/30', '2026/12/01', '2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z', "o'brien"] });
    expect(x!.sql).toMatch(/^SELECT\n\s+CAST\(eventname AS VARCHAR\) AS key_1/);
    expect(x!.executionParameters).toEqual(["'2026/11/30'", "'2026/12/01'", "'2026-11-30T00:00:00.000Z'", "'2026-12-01T00:00:00.000Z'", "'o''brien'"]);
  });

  it('names bad --variables', () => {
    expect(() => parseVariables('{nope')).toThrow(/^--variables must be a JSON object/);
    expect(() => parseVariables('[1]')).toThrow('--variables must be a JSON object');
  });

  it('works as a command: exit 0 with JSON on stdout, exit 1 on errors', () => {
    const main = path.join(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');
    execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: path.join(__dirname, '..', '..') });
    const ok = spawnSync('node', [main, 'query', '--archive', root, '--variables', JSON.stringify({ window: WINDOW })], { input: DOC });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout.toString())).toEqual({ data: { cloudTrailCounts: { groups: [{ keys: ['Hit'], count: '1' }] } } });
    const bad = spawnSync('node', [main, 'query', '--archive', root, '--variables', JSON.stringify({ window: { from: 'x', to: WINDOW.to } })], { input: DOC });
    expect(bad.status).toBe(1);
    expect(bad.stdout.toString()).toContain('DateTime must be an ISO-8601 instant with a time zone');
  });
});
