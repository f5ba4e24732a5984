package io.github.mobileid.selfservice.lock;

import static io.github.mobileid.selfservice.lock.LockVariables.LOCK_IN_PROGRESS_BY;

import org.camunda.bpm.engine.RuntimeService;
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
        RuntimeService runtimeService = execution.getProcessEngineServices().getRuntimeService();
        String holder =
                claims.claim(
                                LockRequest.of(execution.getVariables()),
                                execution.getProcessInstanceId(),
                                id -> isRunning(runtimeService, id))
                        .orElse(null);
        execution.setVariable(LOCK_IN_PROGRESS_BY, holder);
    }

    private static boolean isRunning(RuntimeService runtimeService, String processInstanceId) {
        long running =
                Context.getCommandContext()
                        .runWithoutAuthorization(
                                () ->
                                        runtimeService
                                                .createProcessInstanceQuery()
                                                .processInstanceId(processInstanceId)
                                                .count());
        return running > 0;
    }
}
