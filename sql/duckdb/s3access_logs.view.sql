-- The DuckDB side of the `s3_access_logs` table: AWS's Athena column names over the raw delivered
-- lines, split by the one line pattern (src/query/s3access.line-format.ts, {{pattern}}, its groups
-- named by {{names}}), plus the partition columns account, region and day and "$path" (the object key
-- from the archive root), joined from {{files}} (s3access_files.sql: the engine's listing decides the
-- layout, not a regular expression on the path). {{columns}} turns each group into its column: RE2
-- returns '' for a group that took no part (a `-` field), where Athena's RegexSerDe returns NULL, so
-- '' becomes NULL; counts and status become numbers. Lines that do not match, or whose time is not a
-- real instant, are malformed: counted by the health check (s3access_health.sql), kept out of the view,
-- so no row is ever all NULL. Empty lines are neither.
CREATE OR REPLACE TEMP VIEW s3_access_logs AS
SELECT
{{columns}}
  m.account AS account,
  m.region AS region,
  m.day AS day,
  m.path AS "$path"
FROM (
  SELECT regexp_extract(line, {{pattern}}, {{names}}) AS f, filename
  FROM {{source}}
  WHERE line IS NOT NULL
) AS l
JOIN {{files}} AS m ON l.filename = m.filename
WHERE f.requestdatetime <> '' AND try_strptime(f.requestdatetime, '%d/%b/%Y:%H:%M:%S %z') IS NOT NULL
