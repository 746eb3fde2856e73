-- Trino functions that auditql's SQL uses, defined for DuckDB so the very same SQL text runs on the
-- embedded engine and on Athena/Trino. Each macro mirrors Trino's semantics for the inputs our SQL
-- produces; src/engine/duckdb/macros.test.ts checks them against reference values.
-- Installed per connection (TEMP) because DuckDB macros are connection-visible only when temporary
-- or created in the database; temp keeps the on-disk result cache free of code.

CREATE OR REPLACE TEMP MACRO regexp_like(s, pattern) AS regexp_matches(s, pattern);

-- TRY_CAST where Trino would fail: the views already leave out records whose time is no instant, so
-- the difference never shows in a result, and the view that finds candidate files can skip that check.
CREATE OR REPLACE TEMP MACRO from_iso8601_timestamp(s) AS TRY_CAST(s AS TIMESTAMPTZ);

CREATE OR REPLACE TEMP MACRO json_format(j) AS CAST(j AS VARCHAR);

-- Trino's cardinality() takes arrays and maps; DuckDB's only maps.
CREATE OR REPLACE TEMP MACRO cardinality(l) AS len(l);

-- An address as a 128-bit number in IPv6 space (IPv4 mapped to ::ffff:a.b.c.d, as Trino's IPADDRESS
-- does). NULL for anything that is not an address literal: CloudTrail's sourceIPAddress also holds
-- service names such as "ec2.amazonaws.com" and "AWS Internal". Leading zeros ("035.1.2.3") are
-- rejected, as Trino's cast rejects them.
CREATE OR REPLACE TEMP MACRO auditql_ipv4_to_u128(s) AS
  CASE WHEN regexp_full_match(s, '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}')
  THEN CAST(281470681743360 AS UHUGEINT)
       + CAST(split_part(s, '.', 1) AS UHUGEINT) * 16777216
       + CAST(split_part(s, '.', 2) AS UHUGEINT) * 65536
       + CAST(split_part(s, '.', 3) AS UHUGEINT) * 256
       + CAST(split_part(s, '.', 4) AS UHUGEINT)
  END;

CREATE OR REPLACE TEMP MACRO auditql_ipv6_groups(part) AS
  CASE WHEN part = '' THEN CAST([] AS VARCHAR[]) ELSE string_split(part, ':') END;

CREATE OR REPLACE TEMP MACRO auditql_ipv6_hex(s) AS
  CASE
    WHEN NOT regexp_full_match(s, '[0-9A-Fa-f:]{2,39}') OR s LIKE '%:::%'
         OR length(s) - length(replace(s, '::', '')) > 2 THEN NULL
    WHEN s LIKE '%::%' THEN
      CASE WHEN len(auditql_ipv6_groups(split_part(s, '::', 1))) + len(auditql_ipv6_groups(split_part(s, '::', 2))) <= 7
                AND NOT list_contains(list_transform(auditql_ipv6_groups(split_part(s, '::', 1)) || auditql_ipv6_groups(split_part(s, '::', 2)), g -> length(g) BETWEEN 1 AND 4), false)
      THEN array_to_string(list_transform(auditql_ipv6_groups(split_part(s, '::', 1)), g -> lpad(g, 4, '0')), '')
           || repeat('0000', 8 - len(auditql_ipv6_groups(split_part(s, '::', 1))) - len(auditql_ipv6_groups(split_part(s, '::', 2))))
           || array_to_string(list_transform(auditql_ipv6_groups(split_part(s, '::', 2)), g -> lpad(g, 4, '0')), '')
      END
    ELSE
      CASE WHEN len(string_split(s, ':')) = 8
                AND NOT list_contains(list_transform(string_split(s, ':'), g -> length(g) BETWEEN 1 AND 4), false)
      THEN array_to_string(list_transform(string_split(s, ':'), g -> lpad(g, 4, '0')), '')
      END
  END;

CREATE OR REPLACE TEMP MACRO auditql_hex32_to_u128(h) AS
  CAST(CAST('0x' || substr(h, 1, 16) AS UBIGINT) AS UHUGEINT) * CAST(18446744073709551616 AS UHUGEINT)
  + CAST(CAST('0x' || substr(h, 17, 16) AS UBIGINT) AS UHUGEINT);

CREATE OR REPLACE TEMP MACRO auditql_ip_to_u128(s) AS
  CASE WHEN s LIKE '%:%' THEN auditql_hex32_to_u128(auditql_ipv6_hex(s)) ELSE auditql_ipv4_to_u128(s) END;

-- Trino: contains(network VARCHAR, address IPADDRESS) -> BOOLEAN, true when the CIDR holds the address.
-- Our SQL always passes TRY_CAST(column AS IPADDRESS); on DuckDB IPADDRESS is a VARCHAR alias, so the
-- address arrives as text and is parsed here. Shadowing DuckDB's string contains() is deliberate: our
-- SQL never uses the string form (it uses strpos/LIKE, which both dialects share).
CREATE OR REPLACE TEMP MACRO contains(network, address) AS
  CASE
    WHEN auditql_ip_to_u128(address) IS NULL OR auditql_ip_to_u128(split_part(network, '/', 1)) IS NULL THEN NULL
    ELSE (CAST(split_part(network, '/', 2) AS INTEGER) + CASE WHEN split_part(network, '/', 1) LIKE '%:%' THEN 0 ELSE 96 END) = 0
      OR (auditql_ip_to_u128(address) >> CAST(128 - CAST(split_part(network, '/', 2) AS INTEGER) - CASE WHEN split_part(network, '/', 1) LIKE '%:%' THEN 0 ELSE 96 END AS UHUGEINT))
       = (auditql_ip_to_u128(split_part(network, '/', 1)) >> CAST(128 - CAST(split_part(network, '/', 2) AS INTEGER) - CASE WHEN split_part(network, '/', 1) LIKE '%:%' THEN 0 ELSE 96 END AS UHUGEINT))
  END;
