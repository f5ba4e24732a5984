package io.github.mobileid.selfservice.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Execution listener of the start event "Mobile ID requested" of Get mobile ID. */
@Component
class ApplyGetDefaultsDelegate implements ExecutionListener {

    private final GetMobileIdService getMobileId;

    ApplyGetDefaultsDelegate(GetMobileIdService getMobileId) {
        this.getMobileId = getMobileId;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Authentication authentication =
                execution
                        .getProcessEngineServices()
                        .getIdentityService()
                        .getCurrentAuthentication();

        execution.setVariables(
                getMobileId.defaults(
                        authentication == null ? null : authentication.getUserId(),
                        execution.getSuperExecution() != null,
                        execution.getVariables()));
    }
}
