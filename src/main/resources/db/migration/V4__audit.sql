-- The audit trail: one row for every lock and every revocation, written in the transaction of
-- the change it records. Rows are only ever inserted.
CREATE TABLE audit_entry (
    id            VARCHAR(36)              NOT NULL PRIMARY KEY,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(64)              NOT NULL,
    action        VARCHAR(32)              NOT NULL,
    mobile_id     VARCHAR(36)              NOT NULL,
    serial_number VARCHAR(40),
    reason        VARCHAR(32),
    outcome       VARCHAR(32)              NOT NULL
);

CREATE INDEX audit_entry_mobile_id_idx ON audit_entry (mobile_id, occurred_at);
