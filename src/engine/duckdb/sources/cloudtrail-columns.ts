// The columns of the DuckDB `cloudtrail_logs` view: Athena's lower-case column names bound to the
// camelCase fields of CloudTrail's JSON. DuckDB's JSON reader cannot push a projection into the
// unnested Records list, so the engine builds the record type from only the columns a query's SQL
// names (4x faster on the demo archive than parsing every field). The health check uses them all.

export interface ViewColumn {
  /** Column name as in AWS's Athena CloudTrail table. */
  name: string;
  /** The record's JSON field. */
  field: string;
  /** DuckDB type the reader extracts the field as (JSON keeps a document's text whole). */
  type: string;
  /** How the view exposes it when not as-is (r is the record). */
  expr?: string;
}

const USER_IDENTITY =
  'STRUCT(type VARCHAR, principalId VARCHAR, arn VARCHAR, accountId VARCHAR, invokedBy VARCHAR, accessKeyId VARCHAR, userName VARCHAR, identityProvider VARCHAR, ' +
  'onBehalfOf STRUCT(userId VARCHAR, identityStoreArn VARCHAR), ' +
  'sessionContext STRUCT(attributes STRUCT(mfaAuthenticated VARCHAR, creationDate VARCHAR), sessionIssuer STRUCT(type VARCHAR, principalId VARCHAR, arn VARCHAR, accountId VARCHAR, userName VARCHAR), ' +
  'ec2RoleDelivery VARCHAR, sourceIdentity VARCHAR, webIdFederationData JSON))';

const v = (name: string, field: string, type = 'VARCHAR', expr?: string): ViewColumn => ({ name, field, type, expr });

export const CLOUDTRAIL_COLUMNS: readonly ViewColumn[] = [
  v('eventversion', 'eventVersion'),
  v('useridentity', 'userIdentity', USER_IDENTITY),
  v('eventtime', 'eventTime'),
  v('eventsource', 'eventSource'),
  v('eventname', 'eventName'),
  v('awsregion', 'awsRegion'),
  v('sourceipaddress', 'sourceIPAddress'),
  v('useragent', 'userAgent'),
  v('errorcode', 'errorCode'),
  v('errormessage', 'errorMessage'),
  v('requestparameters', 'requestParameters', 'JSON'),
  v('responseelements', 'responseElements', 'JSON'),
  v('additionaleventdata', 'additionalEventData', 'JSON'),
  v('requestid', 'requestID'),
  v('eventid', 'eventID'),
  v('readonly', 'readOnly'),
  // Athena's table names the resource fields in lower case; CloudTrail writes ARN and accountId.
  v('resources', 'resources', 'STRUCT(ARN VARCHAR, accountId VARCHAR, type VARCHAR)[]', 'CAST(r.resources AS STRUCT(arn VARCHAR, accountid VARCHAR, type VARCHAR)[])'),
  v('eventtype', 'eventType'),
  v('apiversion', 'apiVersion'),
  v('recipientaccountid', 'recipientAccountId'),
  v('serviceeventdetails', 'serviceEventDetails', 'JSON'),
  v('sharedeventid', 'sharedEventID'),
  v('vpcendpointid', 'vpcEndpointId'),
  v('vpcendpointaccountid', 'vpcEndpointAccountId'),
  v('eventcategory', 'eventCategory'),
  v('managementevent', 'managementEvent'),
  v('addendum', 'addendum', 'JSON'),
  v('sessioncredentialfromconsole', 'sessionCredentialFromConsole'),
  v('edgedevicedetails', 'edgeDeviceDetails', 'JSON'),
  v('tlsdetails', 'tlsDetails', 'STRUCT(tlsVersion VARCHAR, cipherSuite VARCHAR, clientProvidedHostHeader VARCHAR)'),
];

/** The view filters on these, so every projection carries them. */
const ALWAYS = new Set(['eventtime', 'eventname', 'eventsource']);

/**
 * The columns a SQL text names (a name inside a string literal only costs an extra column), plus
 * those the view's record check reads: all three of ALWAYS, or only eventtime for the lighter check.
 */
export function columnsUsedBy(sql: string, timeCheckOnly = false): ViewColumn[] {
  const always = timeCheckOnly ? new Set(['eventtime']) : ALWAYS;
  return CLOUDTRAIL_COLUMNS.filter((c) => always.has(c.name) || new RegExp(`(?<![\\w$])${c.name}(?![\\w$])`, 'i').test(sql));
}

/** The reader's type for the Records list, holding only the given columns' fields. */
export function recordType(columns: readonly ViewColumn[]): string {
  return `STRUCT(${columns.map((c) => `${c.field} ${c.type}`).join(', ')})[]`;
}

export type JsonStructure = string | JsonStructure[] | { [field: string]: JsonStructure };

/**
 * The JSON structure json_transform takes for one of the catalogue's types: STRUCT(a T, …) → {"a": …},
 * T[] → [T], a scalar → its name. Only the forms the catalogue uses are accepted.
 */
export function structureOf(type: string): JsonStructure {
  const t = type.trim();
  if (t.endsWith('[]')) return [structureOf(t.slice(0, -2))];
  const struct = /^STRUCT\((.*)\)$/s.exec(t);
  if (!struct) {
    if (!/^[A-Z]+$/.test(t)) throw new Error(`not a catalogue type: ${type}`);
    return t;
  }
  const out: Record<string, JsonStructure> = {};
  let depth = 0;
  let start = 0;
  const body = struct[1]!;
  const fields: string[] = [];
  for (let i = 0; i <= body.length; i++) {
    const ch = body[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if ((ch === ',' && depth === 0) || i === body.length) {
      fields.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  for (const field of fields) {
    const space = field.indexOf(' ');
    out[field.slice(0, space)] = structureOf(field.slice(space + 1));
  }
  return out;
}

/** The view's select list for the given columns. */
export function selectList(columns: readonly ViewColumn[]): string {
  return columns.map((c) => `  ${c.expr ?? `r.${c.field}`} AS ${c.name},`).join('\n');
}
