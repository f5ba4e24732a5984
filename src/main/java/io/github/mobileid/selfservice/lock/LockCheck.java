package io.github.mobileid.selfservice.lock;

import static io.github.mobileid.selfservice.lock.LockVariables.CERTIFICATE_SUMMARY;
import static io.github.mobileid.selfservice.lock.LockVariables.MOBILE_ID_DISPLAY_NAME;
import static io.github.mobileid.selfservice.lock.LockVariables.MOBILE_ID_STATE;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What the check of a lock request found: the mobile ID's state for the gateway, and what the
 * confirmation form shows.
 *
 * @param state active, locked, registered, inactive, or unknown when there is no such mobile ID
 * @param displayName null when unknown
 * @param certificateSummary one Markdown list line per certificate, empty when unknown
 */
public record LockCheck(String state, String displayName, String certificateSummary) {

    static final String UNKNOWN = "unknown";

    static LockCheck unknown() {
        return new LockCheck(UNKNOWN, null, "");
    }

    public VariableMap toVariables() {
        return Variables.createVariables()
                .putValue(MOBILE_ID_STATE, state)
                .putValue(MOBILE_ID_DISPLAY_NAME, displayName)
                .putValue(CERTIFICATE_SUMMARY, certificateSummary);
    }
}
