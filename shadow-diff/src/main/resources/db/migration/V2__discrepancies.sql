-- Discrepancy records (whole, as sampled) and their fingerprint groups (every occurrence counted).
-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Times are epoch milliseconds.

CREATE TABLE discrepancy (
  id          VARCHAR(64)  NOT NULL PRIMARY KEY,
  at_millis   BIGINT       NOT NULL,
  route       VARCHAR(200) NOT NULL,
  fingerprint VARCHAR(300) NOT NULL,
  outcome     VARCHAR(32)  NOT NULL,
  method      VARCHAR(32),
  path        TEXT,
  record_json TEXT         NOT NULL
);

CREATE INDEX discrepancy_route_at ON discrepancy (route, at_millis);
CREATE INDEX discrepancy_fingerprint_at ON discrepancy (fingerprint, at_millis);
CREATE INDEX discrepancy_at ON discrepancy (at_millis, id);

-- One row per fingerprint. occurrences counts every record of the group, stored or sampled out;
-- example_id is the first stored record of the group.
CREATE TABLE discrepancy_group (
  fingerprint VARCHAR(300) NOT NULL PRIMARY KEY,
  route       VARCHAR(200) NOT NULL,
  outcome     VARCHAR(32)  NOT NULL,
  occurrences BIGINT       NOT NULL,
  first_seen  BIGINT       NOT NULL,
  last_seen   BIGINT       NOT NULL,
  example_id  VARCHAR(64)
);

CREATE INDEX discrepancy_group_route ON discrepancy_group (route, occurrences);
