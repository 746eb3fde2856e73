-- The partition values of each S3 access log file the query reads, one row a file: {{rows}} are
-- (filename, path, day, account, region) tuples the engine built from its own listing (DuckDB's
-- absolute filename, the object key from the archive root, the yyyy/MM/dd date of the object name, and
-- the source account and region folders of the date-based layout, NULL in the simple layout).
(SELECT * FROM (VALUES {{rows}}) AS v(filename, path, day, account, region))
