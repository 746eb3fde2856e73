-- The reader for CloudTrail files that parse as JSON but hold a record of the wrong shape (say a
-- userIdentity that is a string): the typed reader would fail the whole file, so here each record is
-- transformed on its own, leniently (json_transform: a field of the wrong type reads as NULL). Records
-- auditql_cloudtrail_ok rejects (not an object, no valid eventTime, …) are left out by the view and
-- were counted as malformed by the health check.
(SELECT list_transform(Records, j -> json_transform(j, {{recordType}})) AS Records, filename
 FROM read_json({{files}}, columns = {Records: 'JSON[]'}, format = 'unstructured', filename = true, maximum_object_size = 1073741824))
