package io.github.mobileid.selfservice.lock;

import static io.github.mobileid.selfservice.lock.LockVariables.MOBILE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the subprocess "Lock mobile ID": releases the instance's claim however the lock
 * ends, also when the instance is cancelled.
 */
@Component
class ReleaseLockClaimDelegate implements ExecutionListener {

    private final LockClaimService claims;

    ReleaseLockClaimDelegate(LockClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object mobileId = execution.getVariable(MOBILE_ID);
        if (mobileId instanceof String id) {
            claims.release(id, execution.getProcessInstanceId());
        }
    }
}
