package io.github.mobileid.selfservice.lock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Execution listener of the message start event "Lock message received". */
@Component
class ApplyMessageDefaultsDelegate implements ExecutionListener {

    private final LockRequestService lockRequests;

    ApplyMessageDefaultsDelegate(LockRequestService lockRequests) {
        this.lockRequests = lockRequests;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariables(
                lockRequests.messageDefaults(
                        ApplyTasklistDefaultsDelegate.authenticatedUserId(execution),
                        execution.getVariables()));
    }
}
