-- Health of text flow log files whose first line is not a header we can bind ({{problem}} says why):
-- none of their records can be read, so their non-empty lines are counted for the report and the
-- files are kept out of the view.
SELECT
  substr(filename, {{keyStart}}) AS file,
  count(line) AS lines,
  CAST(1 AS BIGINT) AS headers,
  CAST(0 AS BIGINT) AS records,
  CAST(NULL AS VARCHAR[]) AS columns,
  {{problem}} AS problem
FROM {{lines}}
GROUP BY filename
