-- A fleet of edges sharing one store: the instance that took each flip, and one row per edge
-- instance, kept fresh by its heartbeat. Portable SQL: runs unchanged on SQLite and PostgreSQL.
-- Times are epoch milliseconds.

-- NULL for flips stored before instances were named.
ALTER TABLE cutover_audit ADD COLUMN instance VARCHAR(200);

CREATE TABLE edge_instance (
  id          VARCHAR(200) NOT NULL PRIMARY KEY,
  address     VARCHAR(300) NOT NULL,
  version     VARCHAR(100) NOT NULL,
  started_at  BIGINT       NOT NULL,
  last_seen   BIGINT       NOT NULL,
  config_hash VARCHAR(64)  NOT NULL,
  audit_seq   BIGINT       NOT NULL,
  state       VARCHAR(16)  NOT NULL
);
