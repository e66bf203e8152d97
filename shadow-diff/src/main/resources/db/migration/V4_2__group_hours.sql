-- The console's trend of each discrepancy group: per fingerprint and hour, how many records the
-- group got (stored or sampled out), summed over every edge of a fleet. Portable SQL: runs
-- unchanged on SQLite and PostgreSQL. hour_start is epoch milliseconds (a multiple of 3600000).

CREATE TABLE discrepancy_group_hour (
  fingerprint VARCHAR(300) NOT NULL,
  hour_start  BIGINT       NOT NULL,
  route       VARCHAR(200) NOT NULL,
  occurrences BIGINT       NOT NULL,
  PRIMARY KEY (fingerprint, hour_start)
);

CREATE INDEX discrepancy_group_hour_route ON discrepancy_group_hour (route, hour_start);
CREATE INDEX discrepancy_group_hour_start ON discrepancy_group_hour (hour_start);
