package io.github.mobileid.selfservice.operator;

/**
 * What one lock started by the operator reported.
 *
 * @param outcome a lock outcome ({@code locked}, {@code alreadyLocked}, ...) or {@code noResult}
 *     when none came in time
 * @param lockInProgressBy the process instance of another lock in progress, else null
 */
record LockResultEntry(
        String mobileId, String outcome, String lockProcessInstanceId, String lockInProgressBy) {

    static final String NO_RESULT = "noResult";
}
