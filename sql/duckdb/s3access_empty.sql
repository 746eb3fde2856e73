-- Stands in for lines_read.sql when a query's window holds no S3 access log files: the same columns, no rows.
(SELECT CAST(NULL AS VARCHAR) AS line, CAST(NULL AS VARCHAR) AS filename WHERE false)
