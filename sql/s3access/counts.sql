-- s3AccessCounts: requests counted by up to four columns. {{keys}} are expressions from the column
-- catalogue (src/query/s3access.catalogue.ts) cast to varchar as key_1..key_n; {{groups}} their
-- ordinals; {{limit}} a validated integer. Ties are broken by the keys so results are stable.
SELECT
  {{keys}},
  count(*) AS n
FROM s3_access_logs
WHERE {{where}}
GROUP BY {{groups}}
ORDER BY n DESC, {{groups}}
LIMIT {{limit}}
