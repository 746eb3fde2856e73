// The whole demo Log Archive: every log type the generators know, cut at the same instant so that
// the same principals and addresses line up across logs. Used by `npm start` and `auditql demo-data`.
import { generateCloudTrailDemo } from './cloudtrail.generator';
import { generateAlbDemo } from './alb.generator';
import { generateS3AccessDemo } from './s3access.generator';
import { generateVpcFlowDemo } from './vpcflow.generator';

export interface DemoArchiveOptions {
  days?: number;
  /** CloudTrail events per day; the other logs scale from their own defaults. */
  eventsPerDay?: number;
  seed?: number;
  now?: Date;
}

export interface DemoArchiveSummary {
  dir: string;
  from: Date;
  to: Date;
  /** Records written per log (CloudTrail events, VPC flow records, …) and files. */
  logs: Record<string, { records: number; files: number }>;
}

export async function generateDemoArchive(dir: string, opts: DemoArchiveOptions = {}): Promise<DemoArchiveSummary> {
  const now = opts.now ?? new Date();
  const common = { days: opts.days, seed: opts.seed, now };
  const trail = await generateCloudTrailDemo(dir, { ...common, eventsPerDay: opts.eventsPerDay });
  const flows = await generateVpcFlowDemo(dir, common);
  const s3 = await generateS3AccessDemo(dir, common);
  const alb = await generateAlbDemo(dir, common);
  return {
    dir,
    from: trail.from,
    to: trail.to,
    logs: {
      cloudtrail: { records: trail.events, files: trail.files },
      vpcflow: { records: flows.records, files: flows.files },
      s3access: { records: s3.requests, files: s3.files },
      alb: { records: alb.requests, files: alb.files },
    },
  };
}

export function describeDemo(summary: DemoArchiveSummary): string {
  return Object.entries(summary.logs)
    .map(([log, s]) => `${s.records} ${log} records in ${s.files} files`)
    .join(', ');
}
