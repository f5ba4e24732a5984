package io.github.mobileid.selfservice.ca;

/** What a revocation request did. */
public enum RevocationOutcome {
    /** The serial was good and is now revoked. */
    REVOKED,
    /** The serial was revoked already with the same reason: nothing changed. */
    ALREADY_REVOKED,
    /** The serial was revoked already; its reason was raised to keyCompromise. */
    REASON_CHANGED
}
