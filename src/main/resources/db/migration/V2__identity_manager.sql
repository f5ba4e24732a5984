-- The Identity Manager's record of each certificate of a mobile ID. It is a separate component
-- from the CA (ca_certificate): the lock process keeps the two consistent.
CREATE TABLE idm_certificate (
    serial_number     VARCHAR(40)              NOT NULL PRIMARY KEY,
    mobile_id         VARCHAR(36)              NOT NULL,
    type              VARCHAR(16)              NOT NULL,
    subject           VARCHAR(400)             NOT NULL,
    not_before        TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after         TIMESTAMP WITH TIME ZONE NOT NULL,
    state             VARCHAR(16)              NOT NULL,
    revoked_at        TIMESTAMP WITH TIME ZONE,
    revocation_reason VARCHAR(32),
    pem               VARCHAR(8000)            NOT NULL,
    CONSTRAINT idm_certificate_type_check
        CHECK (type IN ('authentication', 'signature', 'encryption')),
    CONSTRAINT idm_certificate_state_check
        CHECK (state IN ('valid', 'on_hold', 'revoked', 'expired'))
);

CREATE INDEX idm_certificate_mobile_id_idx ON idm_certificate (mobile_id);
