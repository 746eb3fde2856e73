// Types every log shares: the time window, paging, execution stats and group-by counts.
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BigIntScalar, DateTimeScalar } from './scalars';

@InputType('TimeWindow', { description: 'A half-open time window [from, to).' })
export class TimeWindowInput {
  @Field(() => DateTimeScalar)
  from!: Date;

  @Field(() => DateTimeScalar)
  to!: Date;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType({ description: 'How a result was produced: engine, SQL, what was read, and what was skipped.' })
export class QueryStats {
  @Field(() => String, { description: 'duckdb | athena | trino' })
  engine!: string;

  @Field(() => ID)
  executionId!: string;

  @Field(() => Float)
  elapsedMs!: number;

  @Field(() => Int, { nullable: true, description: 'Files read (embedded engine).' })
  filesRead!: number | null;

  @Field(() => BigIntScalar, { nullable: true, description: 'Bytes read (embedded) or billed (Athena).' })
  bytesScanned!: bigint | null;

  @Field(() => BigIntScalar, { nullable: true })
  rowsMatched!: bigint | null;

  @Field(() => BigIntScalar, { description: 'Records skipped because they were malformed; never silently.' })
  malformedRecords!: bigint;

  @Field(() => [String], { description: 'Object keys of the files the malformed records came from.' })
  malformedFiles!: string[];

  @Field(() => String, { description: 'The SQL text the engine ran; its parameters are in `parameters`.' })
  sql!: string;

  @Field(() => [String], { nullable: 'items', description: 'The values bound to the ? placeholders of `sql`, in order.' })
  parameters!: (string | null)[];
}

@ObjectType()
export class CountGroup {
  @Field(() => [String], { nullable: 'items' })
  keys!: (string | null)[];

  @Field(() => BigIntScalar)
  count!: bigint;
}

@ObjectType()
export class CountResult {
  @Field(() => [CountGroup])
  groups!: CountGroup[];

  @Field(() => QueryStats)
  stats!: QueryStats;
}

export enum LogType {
  CLOUDTRAIL = 'CLOUDTRAIL',
  VPC_FLOW = 'VPC_FLOW',
  S3_ACCESS = 'S3_ACCESS',
  ALB = 'ALB',
}
registerEnumType(LogType, { name: 'LogType' });

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder', description: 'Order of records by their time (ties by id).' });
