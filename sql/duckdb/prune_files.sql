-- The files of {{table}} that hold a record matching a plan's WHERE condition ({{where}}, the plan's
-- own parameters), read with only the columns that condition names. See DuckDbEngine.prune.
SELECT DISTINCT "$path" AS source_file
FROM {{table}}
WHERE {{where}}
