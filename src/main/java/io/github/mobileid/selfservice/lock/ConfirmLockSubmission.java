package io.github.mobileid.selfservice.lock;

import static io.github.mobileid.selfservice.lock.LockVariables.DECISION;
import static io.github.mobileid.selfservice.lock.LockVariables.GET_NEW_MOBILE_ID;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What the owner may submit to "Confirm lock": {@code decision}, exactly {@code next} or {@code
 * cancel}, and optionally {@code getNewMobileId}, a Boolean. Anything else would become a process
 * variable (for example a changed {@code userId} or {@code mobileId}), so it is refused.
 */
public final class ConfirmLockSubmission {

    public static final String NEXT = "next";
    public static final String CANCEL = "cancel";

    private static final Set<String> FIELDS = Set.of(DECISION, GET_NEW_MOBILE_ID);

    private ConfirmLockSubmission() {}

    /**
     * @throws FormFieldValidationException naming what is wrong
     */
    public static void check(Map<String, Object> submitted) {
        var unknown = new TreeSet<>(submitted.keySet());
        unknown.removeAll(FIELDS);
        if (!unknown.isEmpty()) {
            throw refused(
                    unknown,
                    "Confirm lock accepts only decision and getNewMobileId; refused: " + unknown);
        }

        Object decision = submitted.get(DECISION);
        if (!NEXT.equals(decision) && !CANCEL.equals(decision)) {
            throw refused(
                    decision,
                    "decision is required and must be 'next' or 'cancel', not "
                            + (decision instanceof String ? "'" + decision + "'" : decision));
        }

        if (submitted.containsKey(GET_NEW_MOBILE_ID)
                && !(submitted.get(GET_NEW_MOBILE_ID) instanceof Boolean)) {
            throw refused(
                    submitted.get(GET_NEW_MOBILE_ID),
                    "getNewMobileId must be a Boolean (true or false), not "
                            + submitted.get(GET_NEW_MOBILE_ID));
        }
    }

    private static FormFieldValidationException refused(Object detail, String message) {
        return new FormFieldValidationException(detail, message);
    }
}
