-- What the claiming request asked for when it was checked (a SHA-256 fingerprint of mobile ID,
-- owner, requested by, reason and invalidity date): each lock step compares the process variables
-- with it, so that a request changed after the check (a task's variables edited over the REST
-- API) changes nothing. Null for claims made before this column existed.
ALTER TABLE lock_claim ADD COLUMN request_fingerprint VARCHAR(64);
