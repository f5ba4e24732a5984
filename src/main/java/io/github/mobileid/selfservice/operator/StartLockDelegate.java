package io.github.mobileid.selfservice.operator;

import static io.github.mobileid.selfservice.lock.LockVariables.CONFIRMATION_REQUIRED;
import static io.github.mobileid.selfservice.lock.LockVariables.GET_NEW_MOBILE_ID;
import static io.github.mobileid.selfservice.lock.LockVariables.LOCK_IN_PROGRESS_BY;
import static io.github.mobileid.selfservice.lock.LockVariables.LOCK_OUTCOME;
import static io.github.mobileid.selfservice.lock.LockVariables.LOCK_PROCESS_INSTANCE_ID;
import static io.github.mobileid.selfservice.lock.LockVariables.MOBILE_ID;
import static io.github.mobileid.selfservice.lock.LockVariables.MOBILE_ID_STATE;
import static io.github.mobileid.selfservice.lock.LockVariables.REASON;
import static io.github.mobileid.selfservice.lock.LockVariables.REQUESTED_BY;
import static io.github.mobileid.selfservice.lock.LockVariables.RESULT_CORRELATION_KEY;
import static io.github.mobileid.selfservice.lock.LockVariables.RESULT_MESSAGE_NAME;
import static io.github.mobileid.selfservice.lock.LockVariables.USER_ID;
import static io.github.mobileid.selfservice.operator.OperatorLockVariables.OPERATOR_ID;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * "Start lock", once per chosen mobile ID: starts {@code MobileIDSelfServiceProcLock} by the
 * message {@code Msg_LockMobileID} for the operator, asking for the result by the message {@code
 * Msg_LockMobileIDResult} with a key of this instance's own. The result variables are declared
 * locally first, so that each parallel instance keeps its own.
 */
@Component
class StartLockDelegate implements JavaDelegate {

    static final String LOCK_MESSAGE = "Msg_LockMobileID";
    static final String RESULT_MESSAGE = "Msg_LockMobileIDResult";

    @Override
    public void execute(DelegateExecution execution) {
        String mobileId = (String) execution.getVariable(MOBILE_ID);
        String key = UUID.randomUUID().toString();
        execution.setVariableLocal(RESULT_CORRELATION_KEY, key);
        for (String name : new String[] {LOCK_OUTCOME, MOBILE_ID_STATE, LOCK_IN_PROGRESS_BY}) {
            execution.setVariableLocal(name, null);
        }

        ProcessInstance lock =
                execution
                        .getProcessEngineServices()
                        .getRuntimeService()
                        .createMessageCorrelation(LOCK_MESSAGE)
                        .processInstanceBusinessKey(mobileId)
                        .setVariables(
                                Variables.createVariables()
                                        .putValue(MOBILE_ID, mobileId)
                                        .putValue(USER_ID, execution.getVariable(USER_ID))
                                        .putValue(REQUESTED_BY, execution.getVariable(OPERATOR_ID))
                                        .putValue(REASON, execution.getVariable(REASON))
                                        .putValue(GET_NEW_MOBILE_ID, false)
                                        .putValue(CONFIRMATION_REQUIRED, false)
                                        .putValue(RESULT_MESSAGE_NAME, RESULT_MESSAGE)
                                        .putValue(RESULT_CORRELATION_KEY, key))
                        .correlateStartMessage();
        execution.setVariableLocal(LOCK_PROCESS_INSTANCE_ID, lock.getId());
    }
}
