-- Every column a vpc_flow_logs branch can hold, as VARCHAR, and no rows: the first member of the
-- view's UNION ALL BY NAME (so every column exists whichever formats the files use) and the reader
-- when a window has no readable file. {{columns}} comes from src/query/vpcflow.catalogue.ts.
SELECT {{columns}}, CAST(NULL AS VARCHAR) AS filename, CAST(NULL AS VARCHAR) AS day WHERE false
