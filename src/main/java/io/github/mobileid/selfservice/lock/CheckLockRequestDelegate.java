package io.github.mobileid.selfservice.lock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Check lock request": refuses a bad request and sets the mobile ID's state and display data. */
@Component
class CheckLockRequestDelegate implements JavaDelegate {

    private final LockRequestService lockRequests;

    CheckLockRequestDelegate(LockRequestService lockRequests) {
        this.lockRequests = lockRequests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(lockRequests.check(execution.getVariables()).toVariables());
    }
}
