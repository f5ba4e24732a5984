package io.github.mobileid.selfservice.operator;

import static io.github.mobileid.selfservice.operator.OperatorLockVariables.ACTIVE_MOBILE_ID_COUNT;
import static io.github.mobileid.selfservice.operator.OperatorLockVariables.LOCK_RESULTS;
import static io.github.mobileid.selfservice.operator.OperatorLockVariables.MOBILE_ID_OPTIONS;
import static io.github.mobileid.selfservice.operator.OperatorLockVariables.OPERATOR_ID;

import io.github.mobileid.selfservice.lock.LockVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/** "Find active mobile IDs": checks the start and offers the user's active mobile IDs. */
@Component
class FindActiveMobileIdsDelegate implements JavaDelegate {

    private final OperatorLockService operatorLocks;

    FindActiveMobileIdsDelegate(OperatorLockService operatorLocks) {
        this.operatorLocks = operatorLocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object userId = execution.getVariable(LockVariables.USER_ID);
        operatorLocks.checkStart(
                (String) execution.getVariable(OPERATOR_ID),
                userId,
                execution.getVariable(LockVariables.REASON));

        String user = (String) userId;
        execution.setVariable(
                MOBILE_ID_OPTIONS,
                SpinValues.jsonValue(operatorLocks.toJson(operatorLocks.options(user))).create());
        execution.setVariable(ACTIVE_MOBILE_ID_COUNT, operatorLocks.activeCount(user));
        execution.setVariable(
                LOCK_RESULTS, SpinValues.jsonValue(operatorLocks.toJson(List.of())).create());
    }
}
