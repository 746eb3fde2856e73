-- The reader for line-oriented logs (S3 server access, ALB; gzip or plain): one VARCHAR `line` per
-- line, with DuckDB's `filename`. The unit separator (0x1F) never occurs in these logs, so each line
-- arrives whole and a log's own regular expression splits it, as Athena's RegexSerDe does. Empty
-- lines arrive as NULL.
read_csv({{files}}, columns = {'line': 'VARCHAR'}, delim = chr(31), quote = '', escape = '', header = false, auto_detect = false, filename = true)
