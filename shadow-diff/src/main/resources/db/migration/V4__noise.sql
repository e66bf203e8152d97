-- Noise learning: per route, same-side pairs compared, pairs holding each path shape, and pairs
-- in which each (shape, kind) differed. Every edge of a fleet adds its counts; all read the totals.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL.

CREATE TABLE noise_route (
  route        VARCHAR(200) NOT NULL PRIMARY KEY,
  observations BIGINT       NOT NULL
);

CREATE TABLE noise_shape (
  route    VARCHAR(200) NOT NULL,
  shape    VARCHAR(500) NOT NULL,
  observed BIGINT       NOT NULL,
  PRIMARY KEY (route, shape)
);

CREATE TABLE noise_diff (
  route    VARCHAR(200) NOT NULL,
  shape    VARCHAR(500) NOT NULL,
  kind     VARCHAR(16)  NOT NULL,
  differed BIGINT       NOT NULL,
  PRIMARY KEY (route, shape, kind)
);
