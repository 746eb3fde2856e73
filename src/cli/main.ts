#!/usr/bin/env node
// The `auditql` command line (names per the API contract): serve, demo-data, query, schema.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigOverrides, loadConfig } from '../config';
import { generateDemoArchive } from '../demo/demo-archive';
import { createEngine } from '../engine/create-engine';
import { printAuditqlSchema } from '../schema/build-schema';
import { startServer } from '../server';
import { parseVariables, readDocument, runQueryCommand } from './query.command';

const USAGE = `auditql — GraphQL over the Log Archive: CloudTrail, VPC Flow Logs (S3 access and ALB logs next)

Usage:
  auditql serve [--archive DIR] [--host H] [--port P] [--engine duckdb]
  auditql demo-data DIR [--days N] [--events-per-day N] [--seed S]
  auditql query [--archive DIR] [--variables JSON] [--explain] [--engine E] [FILE]
  auditql schema            print the GraphQL schema (SDL)

Configuration also comes from AUDITQL_* environment variables (see README.md).`;

function positiveInt(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1; got "${raw}"`);
  return n;
}

function overridesOf(values: { archive?: string; host?: string; port?: string; engine?: string }): ConfigOverrides {
  return {
    archiveDir: values.archive,
    host: values.host,
    port: values.port === undefined ? undefined : positiveIntOrZero(values.port),
    engine: values.engine,
  };
}

function positiveIntOrZero(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be a whole number from 0 to 65535; got "${raw}"`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const common = { archive: { type: 'string' }, engine: { type: 'string' } } as const;
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({ args: rest, options: { ...common, host: { type: 'string' }, port: { type: 'string' } } });
      await startServer(loadConfig(process.env, overridesOf(values)));
      return -1; // keeps running until a signal
    }
    case 'demo-data': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { days: { type: 'string' }, 'events-per-day': { type: 'string' }, seed: { type: 'string' } } });
      const dir = positionals[0];
      if (!dir) throw new Error('demo-data needs the folder to write: auditql demo-data DIR');
      const summary = await generateDemoArchive(path.resolve(dir), {
        days: positiveInt(values.days, '--days', 8),
        eventsPerDay: positiveInt(values['events-per-day'], '--events-per-day', 3000),
        seed: positiveInt(values.seed, '--seed', 42),
      });
      console.log(JSON.stringify({ dir: summary.dir, from: summary.from.toISOString(), to: summary.to.toISOString(), logs: summary.logs }, null, 2));
      return 0;
    }
    case 'query': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { ...common, variables: { type: 'string' }, explain: { type: 'boolean', default: false } } });
      const config = loadConfig(process.env, overridesOf(values));
      if (!values.explain && config.engine === 'duckdb' && !existsSync(config.archiveDir)) {
        throw new Error(`the archive folder ${config.archiveDir} does not exist (--archive or AUDITQL_ARCHIVE)`);
      }
      const out = await runQueryCommand(
        config,
        { document: await readDocument(positionals[0]), variables: parseVariables(values.variables), explain: values.explain ?? false },
        () => createEngine(config),
      );
      console.log(JSON.stringify(out.json, null, 2));
      return out.ok ? 0 : 1;
    }
    case 'schema':
      process.stdout.write(await printAuditqlSchema());
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`auditql: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  },
);
