-- One row per mobile ID whose lock is in progress: the claim of the lock process instance that
-- runs it. Taken in the transaction that starts the lock, while the mobile ID's row is locked, and
-- removed when that lock ends, so that a second request for the same mobile ID learns at once that
-- a lock is in progress.
CREATE TABLE lock_claim (
    mobile_id           VARCHAR(36)              NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64)              NOT NULL,
    claimed_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
