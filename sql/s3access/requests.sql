-- s3AccessRequests: the requests of a window, every column of the s3_access_logs table plus the
-- partitions and the object key each came from. {{where}} is built by src/query/s3access.planner.ts;
-- {{time}} is the request-time expression of the catalogue; {{direction}} ASC or DESC. Ties are broken
-- by request id and object key so pages are stable.
SELECT
  bucketowner,
  bucket_name,
  requestdatetime,
  remoteip,
  requester,
  requestid,
  operation,
  key,
  request_uri,
  httpstatus,
  errorcode,
  bytessent,
  objectsize,
  totaltime,
  turnaroundtime,
  referrer,
  useragent,
  versionid,
  hostid,
  sigv,
  ciphersuite,
  authtype,
  endpoint,
  tlsversion,
  accesspointarn,
  aclrequired,
  sourceregion,
  account,
  region,
  day,
  "$path" AS source_file
FROM s3_access_logs
WHERE {{where}}
ORDER BY {{time}} {{direction}}, requestid {{direction}}, "$path" {{direction}}
