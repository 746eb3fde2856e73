-- The DuckDB side of the `vpc_flow_logs` table: AWS's Athena VPC flow log columns with their Athena
-- types ({{columns}}: casts from the VARCHAR branches, built from src/query/vpcflow.catalogue.ts),
-- plus the partition columns account, region and day from the object key (either layout) and
-- "$path", the object key from AWSLogs/ on. {{sources}} is vpcflow_empty.sql followed by one
-- branch per header line and day folder (vpcflow_text_branch.sql) and per day of Parquet files
-- (vpcflow_parquet_branch.sql), joined by UNION ALL BY NAME: a column a format lacks is NULL.
-- {{keyStart}} is where the key starts in DuckDB's absolute `filename`.
CREATE OR REPLACE TEMP VIEW vpc_flow_logs AS
SELECT
{{columns}}
  regexp_extract(filename, '/AWSLogs/(o-[a-z0-9]+/)?(aws-account-id=)?([0-9]{12})/(aws-service=)?vpcflowlogs/', 3) AS account,
  regexp_extract(filename, '[/=]vpcflowlogs/(aws-region=)?([^/]+)/', 2) AS region,
  day,
  substr(filename, {{keyStart}}) AS "$path"
FROM (
{{sources}}
)
