-- The activation code of a registered mobile ID. Only a SHA-256 hash of the code is kept: the code
-- itself is shown to the user once and typed or scanned into the device.
CREATE TABLE activation_code (
    mobile_id  VARCHAR(36)              NOT NULL PRIMARY KEY REFERENCES mobile_id (id),
    code_hash  VARCHAR(64)              NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT activation_code_hash_unique UNIQUE (code_hash)
);
