/**
 * Serialises CloudTrail records exactly as JSON.stringify would, but faster for this workload.
 *
 * Most records share their userIdentity and tlsDetails objects with hundreds of others (one per actor
 * per hour, one per host and TLS version), so their JSON is produced once and reused. At a million
 * events this is a large share of the generator's time. The output must stay byte-identical to
 * JSON.stringify(record) (a test holds it to that), so fields follow the record's own key order and
 * absent optional fields are left out.
 */

import type { CloudTrailRecord } from './cloudtrail.types';

const shared = new WeakMap<object, string>();

function sharedJson(value: object): string {
  let json = shared.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    shared.set(value, json);
  }
  return json;
}

const q = JSON.stringify;

export function recordJson(r: CloudTrailRecord): string {
  let out = `{"eventVersion":${q(r.eventVersion)}`;
  if (r.userIdentity !== undefined) out += `,"userIdentity":${sharedJson(r.userIdentity)}`;
  out += `,"eventTime":${q(r.eventTime)},"eventSource":${q(r.eventSource)},"eventName":${q(r.eventName)},"awsRegion":${q(r.awsRegion)},"sourceIPAddress":${q(r.sourceIPAddress)},"userAgent":${q(r.userAgent)}`;
  if (r.errorCode !== undefined) out += `,"errorCode":${q(r.errorCode)}`;
  if (r.errorMessage !== undefined) out += `,"errorMessage":${q(r.errorMessage)}`;
  out += `,"requestParameters":${q(r.requestParameters)},"responseElements":${q(r.responseElements)}`;
  if (r.additionalEventData !== undefined) out += `,"additionalEventData":${q(r.additionalEventData)}`;
  if (r.requestID !== undefined) out += `,"requestID":${q(r.requestID)}`;
  out += `,"eventID":${q(r.eventID)},"readOnly":${r.readOnly}`;
  if (r.resources !== undefined) out += `,"resources":${q(r.resources)}`;
  out += `,"eventType":${q(r.eventType)}`;
  if (r.apiVersion !== undefined) out += `,"apiVersion":${q(r.apiVersion)}`;
  out += `,"managementEvent":${r.managementEvent},"recipientAccountId":${q(r.recipientAccountId)}`;
  if (r.serviceEventDetails !== undefined) out += `,"serviceEventDetails":${q(r.serviceEventDetails)}`;
  if (r.sharedEventID !== undefined) out += `,"sharedEventID":${q(r.sharedEventID)}`;
  if (r.vpcEndpointId !== undefined) out += `,"vpcEndpointId":${q(r.vpcEndpointId)}`;
  out += `,"eventCategory":${q(r.eventCategory)}`;
  if (r.sessionCredentialFromConsole !== undefined) out += `,"sessionCredentialFromConsole":${q(r.sessionCredentialFromConsole)}`;
  if (r.tlsDetails !== undefined) out += `,"tlsDetails":${sharedJson(r.tlsDetails)}`;
  return out + '}';
}

/** A log file's content: one object with the records in a "Records" array, as CloudTrail delivers. */
export function logFileJson(records: readonly CloudTrailRecord[]): string {
  return `{"Records":[${records.map(recordJson).join(',')}]}`;
}
