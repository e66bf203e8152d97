-- Progressive cutover: a route's weight (percentage of users served by the new side), and what
-- each audit entry did. Portable SQL: runs unchanged on SQLite and PostgreSQL.

-- NULL: the plain state of side (0 for legacy, 100 for new), as stored before weights existed.
ALTER TABLE route_override ADD COLUMN weight INTEGER;

-- 'cutover' or 'weight'; NULL for flips stored before weights existed (cutovers).
ALTER TABLE cutover_audit ADD COLUMN action VARCHAR(16);
-- The weights before and after the entry; NULL for older entries (the plain states of their sides).
ALTER TABLE cutover_audit ADD COLUMN weight_from INTEGER;
ALTER TABLE cutover_audit ADD COLUMN weight_to INTEGER;
