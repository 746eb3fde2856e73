-- The DuckDB side of the `cloudtrail_logs` table: AWS's Athena CloudTrail columns (lower-case names,
-- structs as structs, the JSON documents as JSON text) over the raw delivered files, plus the
-- partition columns account, region and day read from the object key, and "$path": the object key
-- from AWSLogs/ on (DuckDB reports the absolute local path; the key is what evidence should cite).
-- {{columns}} is the select list of the columns the query names (src/engine/duckdb/cloudtrail-columns.ts);
-- {{source}} is cloudtrail_read.sql over the object keys listed for the query's window, or
-- cloudtrail_empty.sql. Records without eventTime, eventName or eventSource are malformed: counted by
-- the health check, kept out of the view.
CREATE OR REPLACE TEMP VIEW cloudtrail_logs AS
SELECT
{{columns}}
  regexp_extract(filename, '/AWSLogs/(o-[a-z0-9]+/)?([0-9]{12})/CloudTrail/', 2) AS account,
  regexp_extract(filename, '/CloudTrail/([^/]+)/[0-9]{4}/', 1) AS region,
  regexp_extract(filename, '/CloudTrail/[^/]+/([0-9]{4}/[0-9]{2}/[0-9]{2})/', 1) AS day,
  regexp_extract(filename, '.*/(AWSLogs/.*)$', 1) AS "$path"
FROM (
  SELECT unnest(Records) AS r, filename
  FROM {{source}}
)
WHERE r.eventTime IS NOT NULL AND r.eventName IS NOT NULL AND r.eventSource IS NOT NULL
