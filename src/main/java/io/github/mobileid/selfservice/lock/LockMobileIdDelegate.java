package io.github.mobileid.selfservice.lock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Lock mobile ID": see {@link LockService#lock}. */
@Component
class LockMobileIdDelegate implements JavaDelegate {

    private final LockService lockService;

    LockMobileIdDelegate(LockService lockService) {
        this.lockService = lockService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lockService.lock(
                LockRequest.of(execution.getVariables()), execution.getProcessInstanceId());
    }
}
