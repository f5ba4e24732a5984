package io.github.mobileid.selfservice.operator;

import static io.github.mobileid.selfservice.lock.LockVariables.LOCK_IN_PROGRESS_BY;
import static io.github.mobileid.selfservice.lock.LockVariables.LOCK_OUTCOME;
import static io.github.mobileid.selfservice.lock.LockVariables.LOCK_PROCESS_INSTANCE_ID;
import static io.github.mobileid.selfservice.lock.LockVariables.MOBILE_ID;
import static io.github.mobileid.selfservice.operator.OperatorLockVariables.LOCK_RESULTS;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/** "Record lock result": adds this instance's result to the process's {@code lockResults}. */
@Component
class RecordLockResultDelegate implements JavaDelegate {

    private final OperatorLockService operatorLocks;

    RecordLockResultDelegate(OperatorLockService operatorLocks) {
        this.operatorLocks = operatorLocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object outcome = execution.getVariable(LOCK_OUTCOME);
        var entry =
                new LockResultEntry(
                        (String) execution.getVariable(MOBILE_ID),
                        outcome == null ? LockResultEntry.NO_RESULT : (String) outcome,
                        (String) execution.getVariable(LOCK_PROCESS_INSTANCE_ID),
                        (String) execution.getVariable(LOCK_IN_PROGRESS_BY));

        var results =
                new ArrayList<>(
                        operatorLocks.resultsOf(
                                String.valueOf(execution.getVariable(LOCK_RESULTS))));
        results.add(entry);
        execution.setVariable(
                LOCK_RESULTS, SpinValues.jsonValue(operatorLocks.toJson(results)).create());
    }
}
