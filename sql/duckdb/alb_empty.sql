-- Stands in for the line reader when a window has no readable ALB file: the same columns, no rows.
(SELECT CAST(NULL AS VARCHAR) AS line, CAST(NULL AS VARCHAR) AS filename WHERE false)
