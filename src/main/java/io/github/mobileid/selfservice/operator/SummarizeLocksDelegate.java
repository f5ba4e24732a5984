package io.github.mobileid.selfservice.operator;

import static io.github.mobileid.selfservice.operator.OperatorLockVariables.ALREADY_LOCKED_COUNT;
import static io.github.mobileid.selfservice.operator.OperatorLockVariables.FAILED_COUNT;
import static io.github.mobileid.selfservice.operator.OperatorLockVariables.LOCKED_COUNT;
import static io.github.mobileid.selfservice.operator.OperatorLockVariables.LOCK_RESULTS;
import static io.github.mobileid.selfservice.operator.OperatorLockVariables.LOCK_SUMMARY;

import io.github.mobileid.selfservice.lock.LockVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Summarize locks": see {@link OperatorLockService#summarize}. */
@Component
class SummarizeLocksDelegate implements JavaDelegate {

    private final OperatorLockService operatorLocks;

    SummarizeLocksDelegate(OperatorLockService operatorLocks) {
        this.operatorLocks = operatorLocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OperatorLockService.Summary summary =
                operatorLocks.summarize(
                        (String) execution.getVariable(LockVariables.USER_ID),
                        operatorLocks.resultsOf(
                                String.valueOf(execution.getVariable(LOCK_RESULTS))));

        execution.setVariable(LOCK_SUMMARY, summary.text());
        execution.setVariable(LOCKED_COUNT, summary.locked());
        execution.setVariable(ALREADY_LOCKED_COUNT, summary.alreadyLocked());
        execution.setVariable(FAILED_COUNT, summary.failed());
    }
}
