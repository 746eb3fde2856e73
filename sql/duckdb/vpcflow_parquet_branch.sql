-- Parquet flow log files as a branch of the vpc_flow_logs view. Parquet delivery names columns as
-- the table does (account_id) and types them itself; a file holds only the fields of its flow log's
-- format, so the files are unioned by name onto {{empty}} (every known column as VARCHAR) and each
-- column exists whatever the files hold. Hive-style folder names are not read as columns: the view
-- takes account, region and day from the object key the same way for every layout.
SELECT {{select}}, filename, {{day}} AS day
FROM (
  {{empty}}
  UNION ALL BY NAME
  SELECT * FROM read_parquet({{files}}, union_by_name = true, filename = true, hive_partitioning = false)
)
WHERE "start" IS NOT NULL
