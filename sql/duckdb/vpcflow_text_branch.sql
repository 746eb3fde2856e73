-- One group of text flow log files that share a header line, as a branch of the vpc_flow_logs view:
-- space-separated fields bound by name from that header ({{columns}}: a read_csv column spec in the
-- header's order, every field VARCHAR, `-` read as NULL), the header line of each file skipped. The
-- reader drops lines with the wrong number of fields (ignore_errors); {{valid}} keeps out repeated
-- header lines, numeric fields that are not numbers and records without a start. The health check
-- (vpcflow_health_text.sql) counts what this branch keeps against the file's lines, so whatever it
-- leaves out is reported as malformed. {{day}} is the day folder of every file of the branch.
SELECT {{select}}, filename, {{day}} AS day
FROM read_csv({{files}}, columns = {{columns}}, delim = ' ', quote = '', escape = '', header = false, skip = 1, nullstr = '-', auto_detect = false, filename = true, hive_partitioning = false, ignore_errors = true)
WHERE {{valid}}
