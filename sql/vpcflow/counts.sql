-- vpcFlowCounts: the group-by counts auditors start from (who talked to whom, what was rejected).
-- {{keys}} are expressions from the column catalogue (src/query/vpcflow.catalogue.ts) cast to varchar
-- as key_1..key_n; {{groups}} their ordinals; {{limit}} a validated integer. Ties are broken by the
-- keys so results are stable.
SELECT
  {{keys}},
  count(*) AS n
FROM vpc_flow_logs
WHERE {{where}}
GROUP BY {{groups}}
ORDER BY n DESC, {{groups}}
LIMIT {{limit}}
