package io.github.mobileid.selfservice.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.github.mobileid.selfservice.mobileid.MobileId;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bad input is refused with a clear message before anything happens: no process instance is
 * created, no task is completed, no variable is set, and the mobile ID stays as it was.
 */
@ProcessTest
class LockProcessBadInputTest {

    @Autowired LockFixture fixture;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;

    private String user;
    private MobileId mobileId;
    private MobileIdSnapshot before;

    @BeforeEach
    void userWithActiveMobileId() {
        user = fixture.newUser();
        mobileId = fixture.activeMobileIdOf(user);
        before = fixture.snapshot(mobileId);
    }

    @Test
    void messageWithoutUserIdIsRefused() {
        var start = fixture.messageLockOf(mobileId).without("userId");

        assertThatThrownBy(start::start)
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("userId")
                .hasMessageContaining("required");

        assertNothingStartedOrChanged();
    }

    @Test
    void mobileIdOfAnotherUserIsRefused() {
        var start = fixture.messageLockOf(mobileId).variable("userId", fixture.newUser());

        assertThatThrownBy(start::start)
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("does not belong to user");

        assertNothingStartedOrChanged();
    }

    @Test
    void selfServiceUserCannotLockAnotherUsersMobileIdByMessage() {
        var start = fixture.messageLockOf(mobileId).authenticatedAs(fixture.newUser());

        assertThatThrownBy(start::start)
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("only their own mobile IDs");

        assertNothingStartedOrChanged();
    }

    @Test
    void tasklistLockOfAnotherUsersMobileIdIsRefused() {
        String intruder = fixture.newUser();
        var start = fixture.tasklistLockBy(intruder).variable("mobileId", mobileId.id());

        assertThatThrownBy(start::start)
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining(mobileId.id())
                .hasMessageContaining("does not belong to user '" + intruder + "'");

        assertNothingStartedOrChanged();
    }

    @Test
    void tasklistLockForAnotherUserIsRefused() {
        var start = fixture.tasklistLockBy(fixture.newUser()).variable("userId", user);

        assertThatThrownBy(start::start)
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("logged-in user's own mobile ID");

        assertNothingStartedOrChanged();
    }

    @Test
    void booleanVariableOfWrongTypeIsRefused() {
        var start = fixture.messageLockOf(mobileId).variable("getNewMobileId", "yes");

        assertThatThrownBy(start::start)
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("The variable getNewMobileId must be a Boolean, not a String");

        assertNothingStartedOrChanged();
    }

    @Test
    void mobileIdOfWrongTypeIsRefused() {
        var start = fixture.messageLockOf(mobileId).variable("mobileId", 42);

        assertThatThrownBy(start::start)
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("The variable mobileId must be a String, not a Integer");

        assertNothingStartedOrChanged();
    }

    @Test
    void unknownReasonIsRefused() {
        var start = fixture.messageLockOf(mobileId).variable("reason", "lostInTheSea");

        assertThatThrownBy(start::start)
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("lostInTheSea")
                .hasMessageContaining("keyCompromise");

        assertNothingStartedOrChanged();
    }

    @Test
    void reasonThatDoesNotFitAFinalLockIsRefused() {
        var start = fixture.messageLockOf(mobileId).variable("reason", "certificateHold");

        assertThatThrownBy(start::start)
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("'certificateHold' does not fit a lock");

        assertNothingStartedOrChanged();
    }

    @Test
    void invalidityDateInTheFutureIsRefused() {
        var start = fixture.messageLockOf(mobileId).variable("invalidityDate", "2999-01-01");

        assertThatThrownBy(start::start)
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("invalidityDate")
                .hasMessageContaining("future");

        assertNothingStartedOrChanged();
    }

    @Test
    void submittedDecisionOtherThanNextOrCancelIsRefused() {
        ProcessInstance lock = fixture.tasklistLockBy(user).start();

        assertThatThrownBy(() -> fixture.confirm(lock, Map.of("decision", "maybe")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessage("decision is required and must be 'next' or 'cancel', not 'maybe'");

        assertTaskStillWaitingAndNothingChanged(lock);
    }

    @Test
    void submissionWithoutDecisionIsRefused() {
        ProcessInstance lock = fixture.tasklistLockBy(user).start();

        assertThatThrownBy(() -> fixture.confirm(lock, Map.of("getNewMobileId", true)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("decision is required");

        assertTaskStillWaitingAndNothingChanged(lock);
    }

    @Test
    void extraSubmittedVariableIsRefused() {
        ProcessInstance lock = fixture.tasklistLockBy(user).start();
        var submitted = new HashMap<String, Object>(Map.of("decision", "next"));
        submitted.put("mobileId", fixture.activeMobileIdOf(fixture.newUser()).id());

        assertThatThrownBy(() -> fixture.confirm(lock, submitted))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessage(
                        "Confirm lock accepts only decision and getNewMobileId; refused:"
                                + " [mobileId]");

        assertTaskStillWaitingAndNothingChanged(lock);
    }

    @Test
    void submittedGetNewMobileIdOfWrongTypeIsRefused() {
        ProcessInstance lock = fixture.tasklistLockBy(user).start();

        assertThatThrownBy(
                        () ->
                                fixture.confirm(
                                        lock, Map.of("decision", "next", "getNewMobileId", "yes")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("getNewMobileId must be a Boolean");

        assertTaskStillWaitingAndNothingChanged(lock);
    }

    @Test
    void tasklistLockCannotSkipTheConfirmation() {
        var start = fixture.tasklistLockBy(user).variable("confirmationRequired", false);

        assertThatThrownBy(start::start)
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("confirmationRequired may not be false");

        assertNothingStartedOrChanged();
    }

    @Test
    void selfServiceUserCannotNameAnotherRequesterByMessage() {
        var start =
                fixture.messageLockOf(mobileId)
                        .variable("requestedBy", "security-system")
                        .authenticatedAs(user);

        assertThatThrownBy(start::start)
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("requested by that user");

        assertNothingStartedOrChanged();
    }

    @Test
    void mobileIdEditedAfterTheCheckLocksNothing() {
        MobileId othersMobileId = fixture.activeMobileIdOf(fixture.newUser());
        MobileIdSnapshot othersBefore = fixture.snapshot(othersMobileId);
        ProcessInstance lock = fixture.tasklistLockBy(user).start();

        runtimeService.setVariable(lock.getId(), "mobileId", othersMobileId.id());
        runtimeService.setVariable(lock.getId(), "userId", othersMobileId.userId());
        fixture.confirm(lock, Map.of("decision", "next"));

        assertThatThrownBy(() -> fixture.runLockSteps(lock))
                .hasStackTraceContaining("changed after it was checked");
        assertThat(fixture.snapshot(othersMobileId)).isEqualTo(othersBefore);
        assertThat(fixture.snapshot(mobileId)).isEqualTo(before);
    }

    @Test
    void requesterEditedAfterTheCheckLocksNothing() {
        ProcessInstance lock = fixture.tasklistLockBy(user).start();

        runtimeService.setVariable(lock.getId(), "requestedBy", "someone-else");
        fixture.confirm(lock, Map.of("decision", "next"));

        assertThatThrownBy(() -> fixture.runLockSteps(lock))
                .hasStackTraceContaining("changed after it was checked");
        assertThat(fixture.snapshot(mobileId)).isEqualTo(before);
    }

    private void assertNothingStartedOrChanged() {
        assertThat(
                        historyService
                                .createHistoricProcessInstanceQuery()
                                .processDefinitionKey(LockFixture.PROCESS)
                                .variableValueEquals("userId", user)
                                .count())
                .isZero();
        assertThat(
                        historyService
                                .createHistoricProcessInstanceQuery()
                                .processDefinitionKey(LockFixture.PROCESS)
                                .variableValueEquals("mobileId", mobileId.id())
                                .count())
                .isZero();
        assertThat(fixture.snapshot(mobileId)).isEqualTo(before);
    }

    private void assertTaskStillWaitingAndNothingChanged(ProcessInstance lock) {
        assertThat(lock).isWaitingAt("UserTask_ConfirmLock");
        assertThat(lock)
                .variables()
                .doesNotContainKey("decision")
                .containsEntry("mobileId", mobileId.id())
                .containsEntry("getNewMobileId", false);
        assertThat(fixture.snapshot(mobileId)).isEqualTo(before);
    }
}
