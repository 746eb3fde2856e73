-- The DuckDB side of the `alb_logs` table: AWS's Athena ALB columns, typed as its table declares them
-- and valued as RegexSerDe would value them (an unset group is NULL, a number that does not parse is
-- NULL), plus the partition columns account, region and day read from the object key, and "$path":
-- the object key from AWSLogs/ on. {{columns}} is the select list built from src/query/alb-table.ts
-- (src/engine/duckdb/sources/alb-columns.ts); {{days}} a UNION ALL of alb_day.sql, one branch per day
-- folder listed for the query's window. Lines the regular expression does not match are malformed:
-- counted by the health check, kept out by alb_day.sql (Athena would return them as all-NULL rows).
CREATE OR REPLACE TEMP VIEW alb_logs AS
SELECT
{{columns}}
  regexp_extract(filename, '/AWSLogs/(o-[a-z0-9]+/)?([0-9]{12})/elasticloadbalancing/', 2) AS account,
  regexp_extract(filename, '/elasticloadbalancing/([^/]+)/[0-9]{4}/', 1) AS region,
  day,
  substr(filename, {{keyStart}}) AS "$path"
FROM (
{{days}}
)
