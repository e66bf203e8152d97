-- The operator console's parity history: per route and minute, how many mirrored pairs were
-- judged and how many matched, summed over every edge of a fleet. Portable SQL: runs unchanged on
-- SQLite and PostgreSQL. minute_start is epoch milliseconds (a multiple of 60000).

CREATE TABLE parity_bucket (
  route        VARCHAR(200) NOT NULL,
  minute_start BIGINT       NOT NULL,
  matched      BIGINT       NOT NULL,
  judged       BIGINT       NOT NULL,
  PRIMARY KEY (route, minute_start)
);

CREATE INDEX parity_bucket_minute ON parity_bucket (minute_start);
