-- Health of Parquet flow log files: `lines` is each file's row count (footer), `columns` its column
-- names (checked against the catalogue in vpcflow.source.ts: an unknown one makes the file
-- unreadable, as an unknown header field does), `records` what the view's branch ({{branch}}) keeps.
SELECT
  substr(m.file_name, {{keyStart}}) AS file,
  m.num_rows AS lines,
  CAST(0 AS BIGINT) AS headers,
  coalesce(g.records, 0) AS records,
  s.columns,
  CAST(NULL AS VARCHAR) AS problem
FROM parquet_file_metadata({{files}}) AS m
JOIN (SELECT file_name, list(name ORDER BY name) AS columns FROM parquet_schema({{files}}) WHERE num_children IS NULL GROUP BY file_name) AS s ON s.file_name = m.file_name
LEFT JOIN (SELECT filename, count(*) AS records FROM ({{branch}}) GROUP BY filename) AS g ON g.filename = m.file_name
