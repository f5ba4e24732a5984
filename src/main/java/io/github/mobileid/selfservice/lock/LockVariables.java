package io.github.mobileid.selfservice.lock;

/**
 * The process variables of {@code MobileIDSelfServiceProcLock}. The first six are the contract of
 * the message {@code Msg_LockMobileID} (see DESIGN.md); the others are set by the process.
 */
public final class LockVariables {

    /** String: the mobile ID to lock; defaults to the owner's active mobile ID. */
    public static final String MOBILE_ID = "mobileId";

    /** String, required: the owner of the mobile ID. */
    public static final String USER_ID = "userId";

    /** String: who asked for the lock; recorded as the mobile ID's lockedBy. */
    public static final String REQUESTED_BY = "requestedBy";

    /** String: an RFC 5280 reason name, default {@code unspecified}. */
    public static final String REASON = "reason";

    /** Boolean, default false: go on to get a new mobile ID. */
    public static final String GET_NEW_MOBILE_ID = "getNewMobileId";

    /** Boolean: whether the owner confirms in Tasklist; default true there, false by message. */
    public static final String CONFIRMATION_REQUIRED = "confirmationRequired";

    /** Date or ISO-8601 String, optional: since when the key may have been compromised. */
    public static final String INVALIDITY_DATE = "invalidityDate";

    /** String, set by "Confirm lock": {@code next} or {@code cancel}. */
    public static final String DECISION = "decision";

    /** String, set by the check: active, locked, registered, inactive or unknown. */
    public static final String MOBILE_ID_STATE = "mobileIdState";

    /** String, set by the check for the confirmation form. */
    public static final String MOBILE_ID_DISPLAY_NAME = "mobileIdDisplayName";

    /** String, set by the check for the confirmation form: one line per certificate. */
    public static final String CERTIFICATE_SUMMARY = "certificateSummary";

    /** String, set by the call of Get mobile ID: the id of the new mobile ID. */
    public static final String NEW_MOBILE_ID = "newMobileId";

    /**
     * String, optional: the name of the message by which the lock reports its result to the caller
     * that started it. Given together with {@link #RESULT_CORRELATION_KEY}.
     */
    public static final String RESULT_MESSAGE_NAME = "resultMessageName";

    /**
     * String, optional: the key the caller chose; the result message goes to the execution that
     * waits for {@link #RESULT_MESSAGE_NAME} and sees a variable of this name with this value.
     */
    public static final String RESULT_CORRELATION_KEY = "resultCorrelationKey";

    /** String, set where the lock ends: see {@link LockOutcome}. */
    public static final String LOCK_OUTCOME = "lockOutcome";

    /**
     * String, set by "Claim lock": the process instance of the lock already in progress, or null.
     */
    public static final String LOCK_IN_PROGRESS_BY = "lockInProgressBy";

    /** String, sent with the result: the process instance id of the lock that reports. */
    public static final String LOCK_PROCESS_INSTANCE_ID = "lockProcessInstanceId";

    private LockVariables() {}
}
