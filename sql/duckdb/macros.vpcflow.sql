-- Trino functions that the VPC Flow Logs SQL (sql/vpcflow/*.sql, src/query/vpcflow.catalogue.ts)
-- uses and DuckDB lacks. Each mirrors Trino's semantics for the inputs our SQL gives it; checked in
-- src/engine/duckdb/sources/vpcflow.macros.test.ts.

-- Trino: from_unixtime(unixtime) -> timestamp(3) with time zone, the instant `unixtime` seconds after
-- the epoch. DuckDB's to_timestamp(double) returns the same instant as TIMESTAMPTZ.
CREATE OR REPLACE TEMP MACRO from_unixtime(unixtime) AS to_timestamp(unixtime);

-- Trino: date_format(timestamp, format) with MySQL-style specifiers. Our SQL only passes a UTC
-- wall-clock timestamp (`… AT TIME ZONE 'UTC'`) and the specifiers %Y %m %d %H, which strftime reads
-- the same way; the session time zone therefore never enters the result.
CREATE OR REPLACE TEMP MACRO date_format(ts, format) AS strftime(ts, format);
