package io.github.mobileid.selfservice.lock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Revoke certificates in Identity Manager": see {@link LockService#revokeInIdentityManager}. */
@Component
class RevokeCertificatesInIdentityManagerDelegate implements JavaDelegate {

    private final LockService lockService;

    RevokeCertificatesInIdentityManagerDelegate(LockService lockService) {
        this.lockService = lockService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lockService.revokeInIdentityManager(
                LockRequest.of(execution.getVariables()), execution.getProcessInstanceId());
    }
}
