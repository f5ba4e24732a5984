package io.github.mobileid.selfservice.lock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Execution listener of the none start event "Lock requested". The user is taken from the engine's
 * current authentication, not from the {@code initiator} variable, because a caller can pass a
 * variable of that name.
 */
@Component
class ApplyTasklistDefaultsDelegate implements ExecutionListener {

    private final LockRequestService lockRequests;

    ApplyTasklistDefaultsDelegate(LockRequestService lockRequests) {
        this.lockRequests = lockRequests;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariables(
                lockRequests.tasklistDefaults(
                        authenticatedUserId(execution),
                        execution.getSuperExecution() != null,
                        execution.getVariables()));
    }

    static String authenticatedUserId(DelegateExecution execution) {
        Authentication authentication = authentication(execution);
        return authentication == null ? null : authentication.getUserId();
    }

    static Authentication authentication(DelegateExecution execution) {
        return execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    }
}
