package io.github.mobileid.selfservice.issue;

import static io.github.mobileid.selfservice.issue.GetMobileIdService.DISPLAY_NAME;
import static io.github.mobileid.selfservice.issue.GetMobileIdService.NEW_MOBILE_ID;
import static io.github.mobileid.selfservice.issue.GetMobileIdService.USER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Issue mobile ID": see {@link GetMobileIdService#issueOnce}; sets {@code newMobileId}. */
@Component
class IssueMobileIdDelegate implements JavaDelegate {

    private final GetMobileIdService getMobileId;

    IssueMobileIdDelegate(GetMobileIdService getMobileId) {
        this.getMobileId = getMobileId;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var issued =
                getMobileId.issueOnce(
                        (String) execution.getVariable(USER_ID),
                        (String) execution.getVariable(DISPLAY_NAME),
                        (String) execution.getVariable(NEW_MOBILE_ID));
        execution.setVariable(NEW_MOBILE_ID, issued.id());
    }
}
