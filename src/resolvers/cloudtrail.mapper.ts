// Maps a row of sql/cloudtrail/events.sql to the CloudTrailEvent GraphQL shape.
import type { ResultRow } from '../engine/query-engine';
import type { CloudTrailEvent, CloudTrailResource } from '../schema/cloudtrail/cloudtrail-event.type';
import { allNull, bool, instant, json, text } from './row-values';

function resources(row: ResultRow): CloudTrailResource[] | null {
  const list = json(row, 'resources_json');
  if (!Array.isArray(list)) return null;
  return list.map((r: Record<string, unknown>) => ({
    arn: (r.arn as string | undefined) ?? null,
    accountId: (r.accountid as string | undefined) ?? null,
    type: (r.type as string | undefined) ?? null,
  }));
}

export function cloudTrailEventFromRow(row: ResultRow): CloudTrailEvent {
  const sessionIssuer = allNull({
    type: text(row, 'issuer_type'),
    principalId: text(row, 'issuer_principalid'),
    arn: text(row, 'issuer_arn'),
    accountId: text(row, 'issuer_accountid'),
    userName: text(row, 'issuer_username'),
  });
  const sessionContext = allNull({
    mfaAuthenticated: bool(row, 'session_mfaauthenticated'),
    creationDate: instant(row, 'session_creationdate'),
    sessionIssuer,
  });
  return {
    eventTime: text(row, 'eventtime') ?? '',
    eventName: text(row, 'eventname') ?? '',
    eventSource: text(row, 'eventsource') ?? '',
    awsRegion: text(row, 'awsregion'),
    sourceIpAddress: text(row, 'sourceipaddress'),
    userAgent: text(row, 'useragent'),
    errorCode: text(row, 'errorcode'),
    errorMessage: text(row, 'errormessage'),
    eventId: text(row, 'eventid'),
    eventType: text(row, 'eventtype'),
    eventVersion: text(row, 'eventversion'),
    eventCategory: text(row, 'eventcategory'),
    requestId: text(row, 'requestid'),
    readOnly: bool(row, 'readonly'),
    managementEvent: bool(row, 'managementevent'),
    recipientAccountId: text(row, 'recipientaccountid'),
    sharedEventId: text(row, 'sharedeventid'),
    vpcEndpointId: text(row, 'vpcendpointid'),
    requestParameters: json(row, 'requestparameters'),
    responseElements: json(row, 'responseelements'),
    additionalEventData: json(row, 'additionaleventdata'),
    serviceEventDetails: json(row, 'serviceeventdetails'),
    resources: resources(row),
    userIdentity: allNull({
      type: text(row, 'identity_type'),
      principalId: text(row, 'identity_principalid'),
      arn: text(row, 'identity_arn'),
      accountId: text(row, 'identity_accountid'),
      accessKeyId: text(row, 'identity_accesskeyid'),
      userName: text(row, 'identity_username'),
      invokedBy: text(row, 'identity_invokedby'),
      sessionContext,
    }),
    tlsDetails: allNull({
      tlsVersion: text(row, 'tls_version'),
      cipherSuite: text(row, 'tls_ciphersuite'),
      clientProvidedHostHeader: text(row, 'tls_clientprovidedhostheader'),
    }),
    account: text(row, 'account'),
    region: text(row, 'region'),
    sourceFile: text(row, 'source_file') ?? '',
  };
}
