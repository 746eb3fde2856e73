-- What makes a CloudTrail record usable (DuckDB side only; the health check counts the others as
-- malformed and the view leaves them out): a record of the right shape with eventName, eventSource
-- and an eventTime that is an ISO-8601 instant in UTC as CloudTrail writes it ("2026-12-01T10:00:00Z").
-- A zone-less or garbage time would otherwise be read in the server's zone or fail every query.
-- auditql_cloudtrail_time_ok alone guards the view used to find candidate files (DuckDbEngine.prune):
-- there a record without eventName, or with a time that is no instant (from_iso8601_timestamp gives
-- NULL), at most makes its file a candidate; the query's own view drops the record.
CREATE OR REPLACE TEMP MACRO auditql_cloudtrail_time_ok(r) AS coalesce(r.eventTime LIKE '____-__-__T__:__:__%Z', false);

CREATE OR REPLACE TEMP MACRO auditql_cloudtrail_ok(r) AS
  coalesce(r.eventName IS NOT NULL AND r.eventSource IS NOT NULL AND auditql_cloudtrail_time_ok(r)
           AND TRY_CAST(r.eventTime AS TIMESTAMPTZ) IS NOT NULL, false);
