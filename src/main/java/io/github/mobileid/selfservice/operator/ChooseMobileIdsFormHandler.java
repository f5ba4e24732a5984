package io.github.mobileid.selfservice.operator;

import static io.github.mobileid.selfservice.operator.OperatorLockVariables.MOBILE_ID_CHOICE;

import io.github.mobileid.selfservice.lock.LockVariables;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.DefaultTaskFormHandler;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The form handler of "Choose mobile IDs to lock" ({@code camunda:formHandlerClass}): refuses a
 * submission with any field but {@code mobileIdChoice}, or a choice that is neither {@code all} nor
 * an active mobile ID of the user, before any variable is set. The engine REST API answers its
 * {@code FormFieldValidationException} with 400 and the message, where a refusal from the
 * multi-instance collection would reach it wrapped, as 500.
 */
public class ChooseMobileIdsFormHandler extends DefaultTaskFormHandler {

    private static final Set<String> FIELDS = Set.of(MOBILE_ID_CHOICE);

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
        Set<String> refused = new TreeSet<>(properties.keySet());
        refused.removeAll(FIELDS);
        if (!refused.isEmpty()) {
            throw new FormFieldValidationException(
                    MOBILE_ID_CHOICE,
                    "Choose mobile IDs to lock accepts only mobileIdChoice; refused: " + refused);
        }

        try {
            service(variableScope)
                    .mobileIdsToLock(
                            (String) variableScope.getVariable(LockVariables.USER_ID),
                            properties.get(MOBILE_ID_CHOICE));
        } catch (BadUserRequestException e) {
            throw new FormFieldValidationException(MOBILE_ID_CHOICE, e.getMessage());
        }
        super.submitFormVariables(properties, variableScope);
    }

    /** The Spring bean, found as the process's own expressions find it. */
    private static OperatorLockService service(VariableScope variableScope) {
        return (OperatorLockService)
                Context.getProcessEngineConfiguration()
                        .getExpressionManager()
                        .createExpression("${operatorLockService}")
                        .getValue(variableScope);
    }
}
