package io.github.mobileid.selfservice.operator;

/**
 * The process variables of {@code MobileIDProcLockForOperator} besides those of the lock ({@code
 * userId}, {@code reason}, {@code mobileId}, {@code lockOutcome}, ...).
 */
final class OperatorLockVariables {

    /** String: the operator who started the process (its initiator); the locks' requestedBy. */
    static final String OPERATOR_ID = "operatorId";

    /** Json: the choices of "Choose mobile IDs to lock", as {@code [{label, value}]}. */
    static final String MOBILE_ID_OPTIONS = "mobileIdOptions";

    /** Integer: how many active mobile IDs the user has. */
    static final String ACTIVE_MOBILE_ID_COUNT = "activeMobileIdCount";

    /** String, set by "Choose mobile IDs to lock": {@code all} or one mobile ID. */
    static final String MOBILE_ID_CHOICE = "mobileIdChoice";

    /** Json: one entry per lock started, with its outcome; see {@link LockResultEntry}. */
    static final String LOCK_RESULTS = "lockResults";

    /** String: the summary the operator reads, one line per mobile ID of the user. */
    static final String LOCK_SUMMARY = "lockSummary";

    /** Integers: the summary's counts. */
    static final String LOCKED_COUNT = "lockedCount";

    static final String ALREADY_LOCKED_COUNT = "alreadyLockedCount";
    static final String FAILED_COUNT = "failedCount";

    private OperatorLockVariables() {}
}
