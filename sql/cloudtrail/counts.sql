-- cloudTrailCounts: the group-by counts auditors start from. {{keys}} are expressions from the column
-- catalogue (src/query/cloudtrail.catalogue.ts) cast to varchar as key_1..key_n; {{groups}} their
-- ordinals; {{limit}} a validated integer. Ties are broken by the keys so results are stable.
SELECT
  {{keys}},
  count(*) AS n
FROM cloudtrail_logs
WHERE {{where}}
GROUP BY {{groups}}
ORDER BY n DESC, {{groups}}
LIMIT {{limit}}
