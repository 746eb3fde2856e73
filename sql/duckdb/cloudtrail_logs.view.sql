-- The DuckDB side of the `cloudtrail_logs` table: AWS's Athena CloudTrail columns (lower-case names,
-- structs as structs, the JSON documents as JSON text) over the raw delivered files, plus the
-- partition columns account, region and day read from the object key, and "$path": the object key
-- from AWSLogs/ on (DuckDB reports the absolute local path; the key is what evidence should cite).
-- {{keyStart}} is where the key starts in DuckDB's absolute `filename`. {{columns}} is the select list of the columns the query names (src/engine/duckdb/cloudtrail-columns.ts);
-- {{branches}} is cloudtrail_branch.sql over the typed reader (cloudtrail_read.sql over the files listed
-- for the query's window, or cloudtrail_empty.sql), UNION ALL the record-by-record reader when some
-- file needs it. {{recordCheck}} is auditql_cloudtrail_ok(r) (macros.cloudtrail.sql), or its time check
-- alone in the view that finds candidate files. Records auditql_cloudtrail_ok rejects are malformed: counted by
-- the health check, kept out of the view.
CREATE OR REPLACE TEMP VIEW cloudtrail_logs AS
SELECT
{{columns}}
  regexp_extract(filename, '/AWSLogs/(o-[a-z0-9]+/)?([0-9]{12})/CloudTrail/', 2) AS account,
  regexp_extract(filename, '/CloudTrail/([^/]+)/[0-9]{4}/', 1) AS region,
  regexp_extract(filename, '/CloudTrail/[^/]+/([0-9]{4}/[0-9]{2}/[0-9]{2})/', 1) AS day,
  substr(filename, {{keyStart}}) AS "$path"
FROM (
{{branches}}
)
WHERE {{recordCheck}}
