/**
 * The scripted part of a day: the events each evidence query must find, written for every day
 * regardless of eventsPerDay. Seeded by the date alone (not by the archive's length or `now`), so a
 * given day reads the same in every archive that contains it.
 */

import { accessActivity } from './cloudtrail.script.access';
import { networkChanges } from './cloudtrail.script.network';
import { serviceActivity } from './cloudtrail.script.services';
import { consoleSignIns } from './cloudtrail.script.signin';
import { weeklyTampering } from './cloudtrail.script.tampering';
import { threatActivity } from './cloudtrail.script.threats';
import { ScriptWriter } from './cloudtrail.script-writer';
import type { TimedRecord } from './cloudtrail.types';
import { mixSeed, Rng } from './random';
import { epochDay } from './time';

export function scriptForDay(seed: number, dayStartMs: number): TimedRecord[] {
  const w = new ScriptWriter(new Rng(mixSeed(seed, 'cloudtrail-script', epochDay(dayStartMs))), dayStartMs);
  consoleSignIns(w);
  accessActivity(w);
  networkChanges(w);
  threatActivity(w);
  weeklyTampering(w);
  serviceActivity(w);
  return w.records;
}
