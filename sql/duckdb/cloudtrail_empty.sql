-- Stands in for the reader when a window has no readable file: the same columns, no rows.
(SELECT CAST(NULL AS {{recordType}}) AS Records, CAST(NULL AS VARCHAR) AS filename WHERE false)
