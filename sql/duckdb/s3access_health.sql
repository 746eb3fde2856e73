-- One row a file: its S3 access log records and its malformed lines. A line is a record when it
-- matches the line pattern (src/query/s3access.line-format.ts; {{timeGroup}} is requestdatetime's
-- group, empty exactly when the line does not match) and its time is a real instant. Empty and
-- blank lines are neither. {{source}} is lines_read.sql over the files; {{keyStart}} where the object
-- key starts in DuckDB's absolute filename.
SELECT
  substr(filename, {{keyStart}}) AS file,
  count(*) FILTER (WHERE ok) AS records,
  count(*) FILTER (WHERE NOT ok) AS malformed
FROM (
  SELECT
    filename,
    try_strptime(regexp_extract(line, {{pattern}}, {{timeGroup}}), '%d/%b/%Y:%H:%M:%S %z') IS NOT NULL AS ok
  FROM {{source}}
  WHERE line IS NOT NULL AND trim(line) <> ''
)
GROUP BY filename
