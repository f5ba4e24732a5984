package io.github.mobileid.selfservice.lock;

import static io.github.mobileid.selfservice.lock.LockVariables.LOCK_IN_PROGRESS_BY;
import static io.github.mobileid.selfservice.lock.LockVariables.MOBILE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * "Claim lock": see {@link LockClaimService#claim}. Whether the holder of an existing claim still
 * runs is asked without the caller's Camunda authorizations, since a self-service user may not read
 * another request's process instance.
 */
@Component
class ClaimLockDelegate implements JavaDelegate {

    private final LockClaimService claims;

    ClaimLockDelegate(LockClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var runtimeService = execution.getProcessEngineServices().getRuntimeService();
        String holder =
                claims.claim(
                                (String) execution.getVariable(MOBILE_ID),
                                execution.getProcessInstanceId(),
                                id ->
                                        Context.getCommandContext()
                                                .runWithoutAuthorization(
                                                        () ->
                                                                runtimeService
                                                                                .createProcessInstanceQuery()
                                                                                .processInstanceId(
                                                                                        id)
                                                                                .count()
                                                                        > 0))
                        .orElse(null);
        execution.setVariable(LOCK_IN_PROGRESS_BY, holder);
    }
}
