CREATE TABLE mobile_id (
    id           VARCHAR(36)              NOT NULL PRIMARY KEY,
    user_id      VARCHAR(64)              NOT NULL,
    display_name VARCHAR(200)             NOT NULL,
    state        VARCHAR(16)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_at TIMESTAMP WITH TIME ZONE,
    locked_at    TIMESTAMP WITH TIME ZONE,
    locked_by    VARCHAR(64),
    lock_reason  VARCHAR(32),
    CONSTRAINT mobile_id_state_check
        CHECK (state IN ('registered', 'active', 'inactive', 'locked'))
);

CREATE INDEX mobile_id_user_idx ON mobile_id (user_id);
