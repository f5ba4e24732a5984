package io.github.mobileid.selfservice.lock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Revoke certificates at CA": see {@link LockService#revokeAtCa}. */
@Component
class RevokeCertificatesAtCaDelegate implements JavaDelegate {

    private final LockService lockService;

    RevokeCertificatesAtCaDelegate(LockService lockService) {
        this.lockService = lockService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lockService.revokeAtCa(
                LockRequest.of(execution.getVariables()), execution.getProcessInstanceId());
    }
}
