-- Health of text flow log files that share a header line ({{header}}), in one pass of each reader:
-- `lines` counts the non-empty lines (lines_read.sql over {{lines}}), `headers` those equal to the
-- header line (the first line, and any repeated one where files were concatenated), and `records`
-- what the view's own branch ({{branch}}) keeps. Every other line is malformed: a wrong number of
-- fields, a numeric field that is not a number, or no start.
SELECT
  substr(l.filename, {{keyStart}}) AS file,
  l.lines,
  l.headers,
  coalesce(g.records, 0) AS records,
  CAST(NULL AS VARCHAR[]) AS columns,
  CAST(NULL AS VARCHAR) AS problem
FROM (SELECT filename, count(line) AS lines, count(*) FILTER (WHERE line = {{header}}) AS headers FROM {{lines}} GROUP BY filename) AS l
LEFT JOIN (SELECT filename, count(*) AS records FROM ({{branch}}) GROUP BY filename) AS g ON g.filename = l.filename
