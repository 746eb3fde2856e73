-- albCounts: ALB requests counted by up to four columns. {{keys}} are expressions from the column
-- catalogue (src/query/alb.catalogue.ts) cast to varchar as key_1..key_n; {{groups}} their
-- ordinals; {{limit}} a validated integer. Ties are broken by the keys so results are stable.
SELECT
  {{keys}},
  count(*) AS n
FROM alb_logs
WHERE {{where}}
GROUP BY {{groups}}
ORDER BY n DESC, {{groups}}
LIMIT {{limit}}
