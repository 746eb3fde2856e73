-- One day folder's files as a branch of the cloudtrail_logs view. The day partition is a constant of
-- the branch (the engine listed the files by day), which spares a regular expression on every row.
SELECT unnest(Records) AS r, filename, {{day}} AS day FROM {{source}}
