package io.github.mobileid.selfservice.issue;

/** An activation that is refused; nothing was changed. */
public class ActivationRefusedException extends RuntimeException {

    /** Why: each maps to its own HTTP status in the API. */
    public enum Reason {
        /** The request itself is wrong: no code, a missing or bad certificate request. */
        BAD_REQUEST,
        /** No mobile ID has this activation code. */
        UNKNOWN_CODE,
        /** The code activated its mobile ID already. */
        CODE_USED,
        /** The code's validity ended, or its process no longer waits for the device. */
        CODE_EXPIRED,
        /** The user activated another mobile ID in the meantime, which must be locked first. */
        OTHER_MOBILE_ID_ACTIVE
    }

    private final Reason reason;

    public ActivationRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
