-- Cutover overrides (one row per flipped route) and the append-only audit log of flips.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL.

CREATE TABLE route_override (
  route      VARCHAR(200) NOT NULL PRIMARY KEY,
  side       VARCHAR(16)  NOT NULL,
  updated_at BIGINT       NOT NULL
);

CREATE TABLE cutover_audit (
  seq       BIGINT       NOT NULL PRIMARY KEY,
  at_millis BIGINT       NOT NULL,
  route     VARCHAR(200) NOT NULL,
  from_side VARCHAR(16)  NOT NULL,
  to_side   VARCHAR(16)  NOT NULL,
  reason    TEXT         NOT NULL,
  actor     VARCHAR(200) NOT NULL
);

-- Single-row counter handing out audit sequence numbers. Incrementing it inside the cutover
-- transaction row-locks it (PostgreSQL) or takes the write lock (SQLite), so numbers are
-- monotonic and gap-free even with several writers on one database.
CREATE TABLE audit_sequence (
  id       INTEGER NOT NULL PRIMARY KEY,
  last_seq BIGINT  NOT NULL
);

INSERT INTO audit_sequence (id, last_seq) VALUES (1, 0);
