package io.github.mobileid.selfservice.issue;

import static io.github.mobileid.selfservice.issue.GetMobileIdService.DISPLAY_NAME;
import static io.github.mobileid.selfservice.issue.GetMobileIdService.USER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Register mobile ID": see {@link GetMobileIdService#register}. */
@Component
class RegisterMobileIdDelegate implements JavaDelegate {

    private final GetMobileIdService getMobileId;

    RegisterMobileIdDelegate(GetMobileIdService getMobileId) {
        this.getMobileId = getMobileId;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(
                getMobileId.register(
                        (String) execution.getVariable(USER_ID),
                        (String) execution.getVariable(DISPLAY_NAME)));
    }
}
