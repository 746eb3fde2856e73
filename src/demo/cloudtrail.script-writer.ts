/**
 * Collects the scripted events of one day. Episodes place calls by second of the day; the writer
 * keeps them inside the day (a chain that starts late must not spill into tomorrow's files) and
 * remembers each record's instant so the generator can sort and cut files without re-parsing.
 */

import { stampOf, type Actor } from './cloudtrail.actor';
import type { CallBody } from './cloudtrail.calls';
import { buildRecord } from './cloudtrail.record';
import type { CloudTrailRecord, TimedRecord } from './cloudtrail.types';
import type { Rng } from './random';
import { DayClock, epochDay } from './time';

const LAST_SECOND = 86_399;

export class ScriptWriter {
  readonly records: TimedRecord[] = [];
  readonly epochDay: number;
  /** Monday = 0 … Sunday = 6, so weekly episodes land on the same weekday in every archive. */
  readonly weekday: number;
  private readonly clock: DayClock;

  constructor(
    readonly rng: Rng,
    readonly dayStartMs: number,
  ) {
    this.epochDay = epochDay(dayStartMs);
    this.weekday = (this.epochDay + 3) % 7;
    this.clock = new DayClock(dayStartMs);
  }

  /** A second within the given hour (and minute, if given). */
  at(hour: number, minute?: number): number {
    const m = minute ?? this.rng.int(0, 59);
    return clampSecond(hour * 3600 + m * 60 + this.rng.int(0, 59));
  }

  /** A second between minSeconds and maxSeconds after `second`, never past the end of the day. */
  later(second: number, minSeconds: number, maxSeconds: number): number {
    return clampSecond(second + this.rng.int(minSeconds, maxSeconds));
  }

  ms(second: number): number {
    return this.clock.ms(second);
  }

  emit(second: number, actor: Actor, body: CallBody): CloudTrailRecord {
    const record = buildRecord(this.rng, body, stampOf(actor, this.clock.eventTime(second)));
    this.records.push({ ms: this.clock.ms(second), record });
    return record;
  }
}

function clampSecond(second: number): number {
  return Math.max(0, Math.min(LAST_SECOND, second));
}
