-- The DuckDB side of the `cloudtrail_logs` table: AWS's Athena CloudTrail columns (lower-case names,
-- structs as structs, the three JSON documents as JSON text) over the raw delivered files, plus the
-- partition columns account, region and day read from the object key, and "$path": the object key
-- from AWSLogs/ on (DuckDB reports the absolute local path; the key is what evidence should cite).
-- {{source}} is cloudtrail_read.sql over the object keys the engine listed for the query's window
-- (relative to the archive root, the connection's file_search_path), or cloudtrail_empty.sql.
-- Records without eventTime, eventName or eventSource are malformed: counted by the health check,
-- kept out of the view.
CREATE OR REPLACE TEMP VIEW cloudtrail_logs AS
SELECT
  r.eventVersion AS eventversion,
  r.userIdentity AS useridentity,
  r.eventTime AS eventtime,
  r.eventSource AS eventsource,
  r.eventName AS eventname,
  r.awsRegion AS awsregion,
  r.sourceIPAddress AS sourceipaddress,
  r.userAgent AS useragent,
  r.errorCode AS errorcode,
  r.errorMessage AS errormessage,
  r.requestParameters AS requestparameters,
  r.responseElements AS responseelements,
  r.additionalEventData AS additionaleventdata,
  r.requestID AS requestid,
  r.eventID AS eventid,
  r.readOnly AS readonly,
  CAST(r.resources AS STRUCT(arn VARCHAR, accountid VARCHAR, type VARCHAR)[]) AS resources,
  r.eventType AS eventtype,
  r.apiVersion AS apiversion,
  r.recipientAccountId AS recipientaccountid,
  r.serviceEventDetails AS serviceeventdetails,
  r.sharedEventID AS sharedeventid,
  r.vpcEndpointId AS vpcendpointid,
  r.vpcEndpointAccountId AS vpcendpointaccountid,
  r.eventCategory AS eventcategory,
  r.managementEvent AS managementevent,
  r.addendum AS addendum,
  r.sessionCredentialFromConsole AS sessioncredentialfromconsole,
  r.edgeDeviceDetails AS edgedevicedetails,
  r.tlsDetails AS tlsdetails,
  regexp_extract(filename, '/AWSLogs/(o-[a-z0-9]+/)?([0-9]{12})/CloudTrail/', 2) AS account,
  regexp_extract(filename, '/CloudTrail/([^/]+)/[0-9]{4}/', 1) AS region,
  regexp_extract(filename, '/CloudTrail/[^/]+/([0-9]{4}/[0-9]{2}/[0-9]{2})/', 1) AS day,
  regexp_extract(filename, '.*/(AWSLogs/.*)$', 1) AS "$path"
FROM (
  SELECT unnest(Records) AS r, filename
  FROM {{source}}
)
WHERE r.eventTime IS NOT NULL AND r.eventName IS NOT NULL AND r.eventSource IS NOT NULL
