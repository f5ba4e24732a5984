package io.github.mobileid.selfservice.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.github.mobileid.selfservice.ca.CertificateStatus;
import io.github.mobileid.selfservice.ca.RevocationReason;
import io.github.mobileid.selfservice.device.DeviceSimulator;
import io.github.mobileid.selfservice.idm.IdmCertificate;
import io.github.mobileid.selfservice.issue.ActivationService;
import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdState;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path through "Lock mobile ID", from its start to its end event and domain outcome. */
@ProcessTest
class LockProcessTest {

    @Autowired LockFixture fixture;
    @Autowired LockProperties lockProperties;
    @Autowired HistoryService historyService;
    @Autowired RuntimeService runtimeService;
    @Autowired ActivationService activations;

    @Test
    void tasklistLockConfirmedWithNextLocksMobileIdAndRevokesItsCertificates() {
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);

        ProcessInstance lock = fixture.tasklistLockBy(user).start();

        assertThat(lock).isWaitingAt("UserTask_ConfirmLock").task().isAssignedTo(user);
        assertThat(lock)
                .variables()
                .containsEntry("userId", user)
                .containsEntry("requestedBy", user)
                .containsEntry("mobileId", mobileId.id())
                .containsEntry("mobileIdState", "active");

        fixture.confirm(lock, Map.of("decision", "next", "getNewMobileId", false));
        fixture.runLockSteps(lock);

        assertThat(lock).isEnded().hasPassed("EndEvent_MobileIdLocked");
        fixture.assertLockedAndRevoked(mobileId, user, RevocationReason.UNSPECIFIED);
    }

    @Test
    void stolenPhoneChosenInStartFormRevokesWithKeyCompromise() {
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);
        ProcessInstance lock =
                fixture.tasklistLockBy(user).variable("reason", "keyCompromise").submitStartForm();

        fixture.confirm(lock, Map.of("decision", "next"));
        fixture.runLockSteps(lock);

        assertThat(lock).isEnded().hasPassed("EndEvent_MobileIdLocked");
        fixture.assertLockedAndRevoked(mobileId, user, RevocationReason.KEY_COMPROMISE);
    }

    @Test
    void cancelledLockLeavesMobileIdActive() {
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);
        ProcessInstance lock = fixture.tasklistLockBy(user).start();

        fixture.confirm(lock, Map.of("decision", "cancel", "getNewMobileId", true));

        assertThat(lock).isEnded().hasPassed("EndEvent_LockCancelled");
        fixture.assertActiveAndValid(mobileId);
        assertThat(fixture.mobileIdsOf(user))
                .containsExactly(fixture.snapshot(mobileId).mobileId());
    }

    @Test
    void confirmationThatTimesOutLeavesMobileIdActive() {
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);
        Instant startedAt = Instant.parse("2026-03-01T08:00:00Z");
        ClockUtil.setCurrentTime(Date.from(startedAt));
        ProcessInstance lock = fixture.tasklistLockBy(user).start();
        Job timer = job("BoundaryEvent_ConfirmationPeriodOver", lock);

        execute(timer);

        assertThat(timer.getDuedate().toInstant())
                .isEqualTo(startedAt.plus(lockProperties.getConfirmationTimeout()));
        assertThat(lock).isEnded().hasPassed("EndEvent_ConfirmationTimedOut");
        assertThat(lock).hasNotPassed("Gateway_LockConfirmed", "ServiceTask_LockMobileId");
        fixture.assertActiveAndValid(mobileId);
    }

    @Test
    void lockOfLockedMobileIdEndsWithoutChange() {
        String user = fixture.newUser();
        MobileId locked = fixture.lockedMobileIdOf(user);
        MobileIdSnapshot before = fixture.snapshot(locked);

        ProcessInstance lock = fixture.messageLockOf(locked).start();

        assertThat(lock).isEnded().hasPassed("EndEvent_MobileIdAlreadyLocked");
        assertThat(lock).variables().containsEntry("mobileIdState", "locked");
        assertThat(fixture.snapshot(locked)).isEqualTo(before);
    }

    @Test
    void lockOfRegisteredMobileIdEndsWithoutChange() {
        String user = fixture.newUser();
        MobileId registered = fixture.registeredMobileIdOf(user);
        MobileIdSnapshot before = fixture.snapshot(registered);

        ProcessInstance lock = fixture.messageLockOf(registered).start();

        assertThat(lock).isEnded().hasPassed("EndEvent_MobileIdNotActive");
        assertThat(lock).variables().containsEntry("mobileIdState", "registered");
        assertThat(fixture.snapshot(registered)).isEqualTo(before);
    }

    @Test
    void lockOfUnknownMobileIdEndsWithoutChange() {
        String user = fixture.newUser();
        MobileId active = fixture.activeMobileIdOf(user);

        ProcessInstance lock =
                fixture.messageLockOf(active)
                        .variable("mobileId", UUID.randomUUID().toString())
                        .start();

        assertThat(lock).isEnded().hasPassed("EndEvent_MobileIdNotActive");
        assertThat(lock).variables().containsEntry("mobileIdState", "unknown");
        fixture.assertActiveAndValid(active);
    }

    @Test
    void tasklistLockByUserWithoutActiveMobileIdEndsWithoutChange() {
        String user = fixture.newUser();
        MobileId locked = fixture.lockedMobileIdOf(user);
        MobileIdSnapshot before = fixture.snapshot(locked);

        ProcessInstance lock = fixture.tasklistLockBy(user).start();

        assertThat(lock).isEnded().hasPassed("EndEvent_MobileIdNotActive");
        assertThat(fixture.snapshot(locked)).isEqualTo(before);
    }

    @Test
    void messageStartLocksWithoutConfirmation() {
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);
        Instant lostSince = Instant.parse("2026-01-15T12:00:00Z");

        ProcessInstance lock =
                fixture.messageLockOf(mobileId)
                        .variable("reason", "keyCompromise")
                        .variable("getNewMobileId", false)
                        .variable("confirmationRequired", false)
                        .variable("invalidityDate", Date.from(lostSince))
                        .start();

        assertThat(lock).isNotWaitingAt("UserTask_ConfirmLock");
        assertThat(lock).isWaitingAt("ServiceTask_LockMobileId");
        fixture.runLockSteps(lock);
        assertThat(lock).isEnded().hasPassed("EndEvent_MobileIdLocked");
        assertThat(lock).hasNotPassed("UserTask_ConfirmLock");
        fixture.assertLockedAndRevoked(
                mobileId, "security-system", RevocationReason.KEY_COMPROMISE);
        assertThat(fixture.snapshot(mobileId).ca())
                .extracting(CertificateStatus::invalidityDate)
                .containsOnly(lostSince);
    }

    @Test
    void messageStartWithOnlyUserIdLocksTheUsersActiveMobileId() {
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);

        ProcessInstance lock =
                fixture.messageLockOf(mobileId).without("mobileId").without("requestedBy").start();
        fixture.runLockSteps(lock);

        assertThat(lock).isEnded().hasPassed("EndEvent_MobileIdLocked");
        fixture.assertLockedAndRevoked(mobileId, user, RevocationReason.UNSPECIFIED);
    }

    @Test
    void messageStartWithoutRequesterRecordsTheAuthenticatedCaller() {
        String user = fixture.newUser();
        String operator = fixture.newOperator();
        MobileId mobileId = fixture.activeMobileIdOf(user);

        ProcessInstance lock =
                fixture.messageLockOf(mobileId)
                        .without("requestedBy")
                        .authenticatedAs(operator)
                        .start();
        fixture.runLockSteps(lock);

        assertThat(lock).isEnded().hasPassed("EndEvent_MobileIdLocked");
        fixture.assertLockedAndRevoked(mobileId, operator, RevocationReason.UNSPECIFIED);
    }

    @Test
    void messageStartAskingForConfirmationWaitsForTheOwner() {
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);

        ProcessInstance lock =
                fixture.messageLockOf(mobileId).variable("confirmationRequired", true).start();

        assertThat(lock).isWaitingAt("UserTask_ConfirmLock");
        assertThat(task(lock)).isAssignedTo(user);
        fixture.assertActiveAndValid(mobileId);
    }

    @Test
    void newMobileIdRequestedLocksOldOneAndIssuesNewActiveOne() {
        String user = fixture.newUser();
        MobileId old = fixture.activeMobileIdOf(user);
        ProcessInstance lock = fixture.tasklistLockBy(user).start();

        fixture.confirm(lock, Map.of("decision", "next", "getNewMobileId", true));
        fixture.runLockSteps(lock);
        ProcessInstance get = calledProcessInstance(lock);
        assertThat(get).isWaitingAt("UserTask_ActivateMobileId");
        activateByDevice(get);

        assertThat(get).isEnded().hasPassed("EndEvent_MobileIdActivated");
        assertThat(lock).isEnded().hasPassed("CallActivity_GetMobileId", "EndEvent_MobileIdLocked");
        fixture.assertLockedAndRevoked(old, user, RevocationReason.UNSPECIFIED);
        MobileId issued =
                fixture.mobileIdsOf(user).stream()
                        .filter(m -> m.state() == MobileIdState.ACTIVE)
                        .findFirst()
                        .orElseThrow();
        assertThat(issued.id()).isNotEqualTo(old.id());
        assertThat(fixture.mobileIdsOf(user)).hasSize(2);
        fixture.assertActiveAndValid(issued);
        assertThat(fixture.snapshot(issued).identityManager())
                .extracting(IdmCertificate::serialNumber)
                .doesNotContainAnyElementsOf(
                        fixture.snapshot(old).identityManager().stream()
                                .map(IdmCertificate::serialNumber)
                                .toList());
        assertThat(newMobileIdOf(lock)).isEqualTo(issued.id());
    }

    private void activateByDevice(ProcessInstance get) {
        String code =
                (String) runtimeService.getVariable(get.getProcessInstanceId(), "activationCode");
        activations.activate(code, new DeviceSimulator().requests());
    }

    private Object newMobileIdOf(ProcessInstance lock) {
        return historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(lock.getId())
                .variableName("newMobileId")
                .singleResult()
                .getValue();
    }
}
