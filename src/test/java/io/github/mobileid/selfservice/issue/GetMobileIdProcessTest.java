package io.github.mobileid.selfservice.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import io.github.mobileid.selfservice.lock.LockFixture;
import io.github.mobileid.selfservice.lock.ProcessTest;
import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdState;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "Get mobile ID" started on its own: a new active mobile ID for the logged-in user. */
@ProcessTest
class GetMobileIdProcessTest {

    private static final String PROCESS = "MobileIDSelfServiceProcGet";

    @Autowired LockFixture fixture;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;

    @Test
    void tasklistStartIssuesActiveMobileIdForTheLoggedInUser() {
        String user = fixture.newUser();
        fixture.logIn(user);
        ProcessInstance get = runtimeService.startProcessInstanceByKey(PROCESS);
        identityService.clearAuthentication();

        assertThat(get).isWaitingAt("ServiceTask_IssueMobileId");
        execute(job(get));

        assertThat(get).isEnded().hasPassed("EndEvent_MobileIdIssued");
        assertThat(fixture.mobileIdsOf(user))
                .singleElement()
                .satisfies(
                        issued -> {
                            assertThat(issued.state()).isEqualTo(MobileIdState.ACTIVE);
                            fixture.assertActiveAndValid(issued);
                        });
    }

    @Test
    void issueRunAgainAfterItsMobileIdWasRecordedIssuesNoSecondOne() {
        String user = fixture.newUser();
        MobileId issued = fixture.activeMobileIdOf(user);
        ProcessInstance get =
                runtimeService
                        .createProcessInstanceByKey(PROCESS)
                        .startBeforeActivity("ServiceTask_IssueMobileId")
                        .setVariables(
                                Map.of(
                                        "userId",
                                        user,
                                        "displayName",
                                        "Test phone",
                                        "newMobileId",
                                        issued.id()))
                        .execute();

        execute(job(get));

        assertThat(get).isEnded().hasPassed("EndEvent_MobileIdIssued");
        assertThat(fixture.mobileIdsOf(user)).containsExactly(issued);
    }

    @Test
    void mobileIdForAnotherUserIsRefused() {
        String user = fixture.newUser();
        fixture.logIn(fixture.newUser());

        assertThatThrownBy(
                        () ->
                                runtimeService.startProcessInstanceByKey(
                                        PROCESS, Map.of("userId", user)))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("only for themselves");

        assertThat(fixture.mobileIdsOf(user)).isEmpty();
    }
}
