package io.github.mobileid.selfservice.lock;

import java.util.Arrays;

/**
 * How a lock request ended, as the variable {@code lockOutcome} (set at each end event of "Lock
 * mobile ID") and in the result message.
 */
public enum LockOutcome {
    /** This request locked the mobile ID and revoked its certificates. */
    LOCKED("locked"),
    /** The mobile ID was locked already; nothing changed. */
    ALREADY_LOCKED("alreadyLocked"),
    /** Another request is locking the mobile ID; {@code lockInProgressBy} names it. */
    LOCK_IN_PROGRESS("lockInProgress"),
    /** The mobile ID is unknown, registered or inactive; nothing changed. */
    NOT_ACTIVE("notActive"),
    /** The owner chose Cancel; nothing changed. */
    CANCELLED("cancelled"),
    /** The owner did not confirm in time; nothing changed. */
    CONFIRMATION_TIMED_OUT("confirmationTimedOut");

    private final String value;

    LockOutcome(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static LockOutcome of(String value) {
        return Arrays.stream(values())
                .filter(o -> o.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown lock outcome: " + value));
    }
}
