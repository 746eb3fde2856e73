-- One pass over newly seen ALB files with the view's own test (alb_day.sql): per file, the lines the
-- regular expression matches (records, which the view returns) and the non-empty lines it does not
-- match (malformed), with the smallest malformed line as an example for the log. Empty lines are not
-- records and not malformed. A file with no non-empty line yields no row. {{source}} is
-- lines_read.sql over the files.
SELECT
  substr(filename, {{keyStart}}) AS file,
  count(*) FILTER (WHERE regexp_matches(line, {{pattern}})) AS records,
  count(*) FILTER (WHERE NOT regexp_matches(line, {{pattern}})) AS malformed,
  min(left(line, 160)) FILTER (WHERE NOT regexp_matches(line, {{pattern}})) AS example
FROM {{source}}
WHERE trim(line) <> ''
GROUP BY filename
