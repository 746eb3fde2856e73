-- One pass over newly seen CloudTrail files with the same reader and record type as the view: how many
-- records each holds, how many lack eventTime/eventName/eventSource, and whether it has no Records key
-- (a digest or some other JSON). A file that fails to parse at all is found by bisection in
-- src/engine/duckdb/file-health.ts. Files with no JSON object at all do not appear in the result.
SELECT
  substr(filename, {{keyStart}}) AS file,
  bool_or(Records IS NULL) AS no_records,
  sum(coalesce(len(Records), 0)) AS records,
  sum(coalesce(len(list_filter(Records, r -> NOT auditql_cloudtrail_ok(r))), 0)) AS missing
FROM {{source}}
GROUP BY filename
