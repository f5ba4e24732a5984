package io.github.mobileid.selfservice.lock;

import io.github.mobileid.selfservice.security.MobileIdGroups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
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
        Authentication caller = ApplyTasklistDefaultsDelegate.authentication(execution);
        execution.setVariables(
                lockRequests.messageDefaults(
                        caller == null ? null : caller.getUserId(),
                        caller != null && MobileIdGroups.mayActForOthers(caller.getGroupIds()),
                        execution.getVariables()));
    }
}
