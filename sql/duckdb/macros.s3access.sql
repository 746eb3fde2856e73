-- Trino functions that the S3 server access log SQL uses, defined for DuckDB so the same SQL text runs
-- on the embedded engine and on Athena/Trino. Each macro mirrors Trino's semantics for the inputs our
-- SQL gives it; src/engine/duckdb/macros.s3access.test.ts checks them against Trino's documented values.
--
-- parse_datetime(string, format) parses with a Joda-Time pattern and returns a timestamp with time
-- zone. DuckDB has no Joda parser, so this implements exactly the patterns our SQL names (one today:
-- S3's requestdatetime, '06/Feb/2019:00:00:38 +0000') and returns NULL for any other pattern, where
-- Trino would parse it: a new pattern in our SQL must get its branch here. Like Trino's, it fails on
-- text that does not fit the pattern; the s3_access_logs view keeps such lines out (they are counted
-- as malformed), so the queries never reach that failure. Joda's MMM is English month abbreviations,
-- as strptime's %b; Z is a ±hhmm offset, as %z.
CREATE OR REPLACE TEMP MACRO parse_datetime(s, fmt) AS
  CASE fmt
    WHEN 'dd/MMM/yyyy:HH:mm:ss Z' THEN strptime(s, '%d/%b/%Y:%H:%M:%S %z')
  END;
