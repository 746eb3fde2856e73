-- The health check for a file the typed reader rejected: records are read as JSON and transformed one
-- by one (leniently: a field of the wrong type reads as NULL); a record auditql_cloudtrail_ok rejects
-- counts as malformed.
SELECT
  substr(filename, {{keyStart}}) AS file,
  bool_or(Records IS NULL) AS no_records,
  sum(coalesce(len(Records), 0)) AS records,
  sum(coalesce(len(list_filter(Records, j -> NOT auditql_cloudtrail_ok(json_transform(j, {{recordType}})))), 0)) AS missing
FROM read_json({{files}}, columns = {Records: 'JSON[]'}, format = 'unstructured', filename = true, maximum_object_size = 1073741824)
GROUP BY filename
