package io.github.mobileid.selfservice.issue;

import static io.github.mobileid.selfservice.issue.GetMobileIdService.USER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Find active mobile ID": sets {@code activeMobileId} (null when there is none). */
@Component
class FindActiveMobileIdDelegate implements JavaDelegate {

    private final GetMobileIdService getMobileId;

    FindActiveMobileIdDelegate(GetMobileIdService getMobileId) {
        this.getMobileId = getMobileId;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(
                getMobileId.activeMobileIdVariables((String) execution.getVariable(USER_ID)));
    }
}
