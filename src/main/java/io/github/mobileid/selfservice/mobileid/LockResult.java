package io.github.mobileid.selfservice.mobileid;

/** What a request to lock a mobile ID did. */
public enum LockResult {
    /** The mobile ID was active and is now locked. */
    LOCKED,
    /** The mobile ID was locked already; nothing changed. */
    ALREADY_LOCKED
}
