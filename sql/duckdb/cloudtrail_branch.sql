-- One reader's records as a branch of the cloudtrail_logs view: the typed reader, or the record-by-
-- record reader for files that hold a record of the wrong shape.
SELECT unnest(Records) AS r, filename FROM {{source}}
