package io.github.mobileid.selfservice.lock;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.handler.DefaultTaskFormHandler;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The form handler of "Confirm lock" ({@code camunda:formHandlerClass}): refuses a submission that
 * {@link ConfirmLockSubmission} does not accept before any variable is set, then handles the form
 * as usual.
 *
 * <p>Why a form handler and not a {@code camunda:formData} validator: the engine wraps what a
 * validator throws in a {@code FormFieldValidatorException}, which the engine REST API answers with
 * 500. A {@code FormFieldValidationException} thrown here reaches the REST API unwrapped, which
 * answers {@code POST /task/{id}/submit-form} with 400 and the message.
 */
public class ConfirmLockFormHandler extends DefaultTaskFormHandler {

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
        ConfirmLockSubmission.check(properties);
        super.submitFormVariables(properties, variableScope);
    }
}
