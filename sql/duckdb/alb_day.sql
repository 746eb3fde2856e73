-- One day folder's ALB files, each line that the table's one regular expression matches
-- (src/query/alb-table.ts, the text Athena's RegexSerDe gets) split by it into the struct `f`, one
-- field per capture group; regexp_extract returns '' for a group a `-` left unset. Lines it does not
-- match are malformed (counted by alb_health.sql) and empty lines are nothing: neither reaches `f`.
-- Why this shape: extracting groups makes RE2 run its NFA (tens of microseconds a line), while
-- regexp_matches is answered by its DFA, many times faster, so the match test is separate. And the
-- extraction is wrapped in unnest([...]), which yields the one struct but keeps DuckDB's optimizer
-- from copying the call into every pushed-down filter and projection that names one of its fields
-- (without it a query ran the NFA up to four times a line).
-- {{source}} is lines_read.sql over the day's files (or alb_empty.sql); {{day}} the folder's day.
SELECT unnest([regexp_extract(line, {{pattern}}, {{names}})]) AS f, filename, {{day}} AS day
FROM {{source}}
WHERE regexp_matches(line, {{pattern}})
