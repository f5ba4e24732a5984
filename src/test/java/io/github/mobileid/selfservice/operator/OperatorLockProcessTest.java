package io.github.mobileid.selfservice.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.mobileid.selfservice.ca.RevocationReason;
import io.github.mobileid.selfservice.lock.JobExecutorTest;
import io.github.mobileid.selfservice.lock.LockFixture;
import io.github.mobileid.selfservice.lock.MobileIdSnapshot;
import io.github.mobileid.selfservice.mobileid.MobileId;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Lock mobile IDs for a user" as an operator runs it in Tasklist, with the job executor running
 * the locks it starts by message and delivering their results.
 */
@JobExecutorTest
class OperatorLockProcessTest {

    private static final String PROCESS = "MobileIDProcLockForOperator";

    @Autowired LockFixture fixture;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired FormService formService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;

    private String operator;

    @BeforeEach
    void newOperator() {
        operator = fixture.newOperator();
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void allActiveMobileIdsOfUserAreLockedAndSummaryListsEveryMobileId() {
        String user = fixture.newUser();
        MobileId first = fixture.activeMobileIdOf(user);
        MobileId second = fixture.activeMobileIdOf(user);
        MobileId lockedBefore = fixture.lockedMobileIdOf(user);
        MobileIdSnapshot lockedBeforeSnapshot = fixture.snapshot(lockedBefore);
        ProcessInstance operatorLock = startAsOperator(user, "keyCompromise");
        Task choose = taskOf(operatorLock, "UserTask_ChooseMobileIds");
        assertThat(choose.getAssignee()).isEqualTo(operator);
        assertThat(
                        String.valueOf(
                                runtimeService.getVariable(
                                        operatorLock.getId(), "mobileIdOptions")))
                .contains("\"all\"", first.id(), second.id())
                .doesNotContain(lockedBefore.id());

        completeAsOperator(choose, Map.of("mobileIdChoice", "all"));

        Task read = awaitTask(operatorLock, "UserTask_ReadLockSummary");
        fixture.assertLockedAndRevoked(first, operator, RevocationReason.KEY_COMPROMISE);
        fixture.assertLockedAndRevoked(second, operator, RevocationReason.KEY_COMPROMISE);
        assertThat(fixture.snapshot(lockedBefore)).isEqualTo(lockedBeforeSnapshot);
        String summary = (String) runtimeService.getVariable(operatorLock.getId(), "lockSummary");
        assertThat(summary)
                .startsWith("Locked: 2, already locked: 1, failed: 0")
                .contains("(id " + first.id() + "): locked")
                .contains("(id " + second.id() + "): locked")
                .contains("(id " + lockedBefore.id() + "): already locked");
        assertThat(runtimeService.getVariables(operatorLock.getId()))
                .containsEntry("lockedCount", 2)
                .containsEntry("alreadyLockedCount", 1)
                .containsEntry("failedCount", 0);

        completeAsOperator(read, Map.of());

        assertEnded(operatorLock);
    }

    @Test
    void oneChosenMobileIdIsLockedAndTheOtherStaysActive() {
        String user = fixture.newUser();
        MobileId chosen = fixture.activeMobileIdOf(user);
        MobileId other = fixture.activeMobileIdOf(user);
        ProcessInstance operatorLock = startAsOperator(user, "unspecified");

        completeAsOperator(
                taskOf(operatorLock, "UserTask_ChooseMobileIds"),
                Map.of("mobileIdChoice", chosen.id()));

        awaitTask(operatorLock, "UserTask_ReadLockSummary");
        fixture.assertLockedAndRevoked(chosen, operator, RevocationReason.UNSPECIFIED);
        fixture.assertActiveAndValid(other);
        assertThat((String) runtimeService.getVariable(operatorLock.getId(), "lockSummary"))
                .startsWith("Locked: 1, already locked: 0, failed: 0")
                .contains("(id " + other.id() + "): not locked: active, not chosen");
    }

    @Test
    void mobileIdWhoseOwnerIsConfirmingALockIsReportedAsFailedWithTheLockInProgress() {
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);
        ProcessInstance ownersLock = fixture.tasklistLockBy(user).start();
        ProcessInstance operatorLock = startAsOperator(user, "unspecified");

        completeAsOperator(
                taskOf(operatorLock, "UserTask_ChooseMobileIds"), Map.of("mobileIdChoice", "all"));

        awaitTask(operatorLock, "UserTask_ReadLockSummary");
        assertThat((String) runtimeService.getVariable(operatorLock.getId(), "lockSummary"))
                .startsWith("Locked: 0, already locked: 0, failed: 1")
                .contains(
                        "another lock of it is in progress (process instance "
                                + ownersLock.getId());
        assertThat(taskService.createTaskQuery().taskAssignee(user).count()).isEqualTo(1);
        fixture.assertActiveAndValid(mobileId);
    }

    @Test
    void choiceOfAnotherUsersMobileIdIsRefusedAndTheTaskStays() {
        String user = fixture.newUser();
        MobileId own = fixture.activeMobileIdOf(user);
        MobileId foreign = fixture.activeMobileIdOf(fixture.newUser());
        ProcessInstance operatorLock = startAsOperator(user, "unspecified");
        Task choose = taskOf(operatorLock, "UserTask_ChooseMobileIds");

        assertThatThrownBy(() -> completeAsOperator(choose, Map.of("mobileIdChoice", foreign.id())))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("mobileIdChoice must be 'all' or an active mobile ID");

        assertThat(taskOf(operatorLock, "UserTask_ChooseMobileIds").getId())
                .isEqualTo(choose.getId());
        fixture.assertActiveAndValid(own);
        fixture.assertActiveAndValid(foreign);
    }

    @Test
    void formSubmissionWithABadChoiceOrAnotherFieldIsRefusedAndTheTaskStays() {
        String user = fixture.newUser();
        MobileId own = fixture.activeMobileIdOf(user);
        MobileId foreign = fixture.activeMobileIdOf(fixture.newUser());
        ProcessInstance operatorLock = startAsOperator(user, "unspecified");
        Task choose = taskOf(operatorLock, "UserTask_ChooseMobileIds");

        assertThatThrownBy(() -> submitAsOperator(choose, Map.of("mobileIdChoice", "junk")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("mobileIdChoice must be 'all' or an active mobile ID");
        assertThatThrownBy(
                        () ->
                                submitAsOperator(
                                        choose,
                                        Map.of(
                                                "mobileIdChoice",
                                                "all",
                                                "userId",
                                                foreign.userId())))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("accepts only mobileIdChoice; refused: [userId]");

        assertThat(taskOf(operatorLock, "UserTask_ChooseMobileIds").getId())
                .isEqualTo(choose.getId());
        assertThat(runtimeService.getVariable(operatorLock.getId(), "userId")).isEqualTo(user);
        fixture.assertActiveAndValid(own);
        fixture.assertActiveAndValid(foreign);
    }

    @Test
    void startForUnknownUserOrWithUnfitReasonIsRefused() {
        String user = fixture.newUser();
        fixture.activeMobileIdOf(user);

        assertThatThrownBy(() -> startAsOperator(fixture.newUser(), "unspecified"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("has no mobile ID");
        assertThatThrownBy(() -> startAsOperator(user, "certificateHold"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("certificateHold");
        assertThat(
                        historyService
                                .createHistoricProcessInstanceQuery()
                                .processDefinitionKey(PROCESS)
                                .variableValueEquals("userId", user)
                                .count())
                .isZero();
    }

    private ProcessInstance startAsOperator(String user, String reason) {
        fixture.logIn(operator);
        try {
            return runtimeService.startProcessInstanceByKey(
                    PROCESS, Map.of("userId", user, "reason", reason));
        } finally {
            fixture.logIn(null);
        }
    }

    /**
     * Completes the task as the operator does in Tasklist: logged in, with the operator's groups.
     */
    private void completeAsOperator(Task task, Map<String, Object> variables) {
        fixture.logIn(operator);
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            fixture.logIn(null);
        }
    }

    /** As Tasklist submits a form: through the task's form handler. */
    private void submitAsOperator(Task task, Map<String, Object> variables) {
        fixture.logIn(operator);
        try {
            formService.submitTaskForm(task.getId(), variables);
        } finally {
            fixture.logIn(null);
        }
    }

    private Task taskOf(ProcessInstance instance, String taskDefinitionKey) {
        return taskService
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(taskDefinitionKey)
                .singleResult();
    }

    private Task awaitTask(ProcessInstance instance, String taskDefinitionKey) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> taskOf(instance, taskDefinitionKey) != null);
        return taskOf(instance, taskDefinitionKey);
    }

    private void assertEnded(ProcessInstance instance) {
        assertThat(
                        historyService
                                .createHistoricActivityInstanceQuery()
                                .processInstanceId(instance.getId())
                                .activityId("EndEvent_LocksSummarized")
                                .count())
                .isEqualTo(1);
        assertThat(
                        historyService
                                .createHistoricIncidentQuery()
                                .processInstanceId(instance.getId())
                                .count())
                .isZero();
    }
}
