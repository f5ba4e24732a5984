package io.github.mobileid.selfservice.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.github.mobileid.selfservice.ca.RevocationReason;
import io.github.mobileid.selfservice.mobileid.MobileId;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A second request for a mobile ID whose lock is in progress ends at once, whichever way either is
 * started, and leaves no second confirmation task; the claim goes when the first lock ends.
 */
@ProcessTest
class LockDuplicatesTest {

    @Autowired LockFixture fixture;
    @Autowired LockClaimService claims;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;

    @Test
    void messageWhileOwnerConfirmsEndsAsLockInProgressWithoutSecondTask() {
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);
        ProcessInstance first = fixture.tasklistLockBy(user).start();

        ProcessInstance second = fixture.messageLockOf(mobileId).start();
        ProcessInstance third = fixture.tasklistLockBy(user).start();

        assertThat(first).isWaitingAt("UserTask_ConfirmLock");
        for (ProcessInstance duplicate : new ProcessInstance[] {second, third}) {
            assertThat(duplicate).isEnded().hasPassed("EndEvent_LockAlreadyInProgress");
            assertThat(duplicate)
                    .variables()
                    .containsEntry("lockOutcome", "lockInProgress")
                    .containsEntry("lockInProgressBy", first.getId());
        }
        assertThat(taskService.createTaskQuery().taskAssignee(user).count()).isEqualTo(1);
        fixture.assertActiveAndValid(mobileId);
    }

    @Test
    void requestAfterCancelledLockLocks() {
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);
        ProcessInstance cancelled = fixture.tasklistLockBy(user).start();
        fixture.confirm(cancelled, Map.of("decision", "cancel"));

        ProcessInstance lock = fixture.messageLockOf(mobileId).start();
        fixture.runLockSteps(lock);

        assertThat(cancelled).isEnded().hasPassed("EndEvent_LockCancelled");
        assertThat(lock).isEnded().hasPassed("EndEvent_MobileIdLocked");
        assertThat(lock).variables().containsEntry("lockOutcome", "locked");
        assertThat(claims.holderOf(mobileId.id())).isEmpty();
        fixture.assertLockedAndRevoked(mobileId, "security-system", RevocationReason.UNSPECIFIED);
    }

    @Test
    void requestAfterFinishedLockEndsAsAlreadyLocked() {
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);
        ProcessInstance first = fixture.messageLockOf(mobileId).start();
        fixture.runLockSteps(first);

        ProcessInstance second = fixture.messageLockOf(mobileId).start();

        assertThat(second).isEnded().hasPassed("EndEvent_MobileIdAlreadyLocked");
        assertThat(second).variables().containsEntry("lockOutcome", "alreadyLocked");
        fixture.assertLockedAndRevoked(mobileId, "security-system", RevocationReason.UNSPECIFIED);
    }

    @Test
    void claimOfInstanceDeletedWithoutListenersIsTakenOver() {
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);
        ProcessInstance deleted = fixture.tasklistLockBy(user).start();
        runtimeService.deleteProcessInstance(deleted.getId(), "test", true);
        assertThat(claims.holderOf(mobileId.id())).contains(deleted.getId());

        ProcessInstance lock = fixture.messageLockOf(mobileId).start();
        fixture.runLockSteps(lock);

        assertThat(lock).isEnded().hasPassed("EndEvent_MobileIdLocked");
        fixture.assertLockedAndRevoked(mobileId, "security-system", RevocationReason.UNSPECIFIED);
    }

    @Test
    void cancelledInstanceReleasesItsClaim() {
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);
        ProcessInstance lock = fixture.tasklistLockBy(user).start();

        runtimeService.deleteProcessInstance(lock.getId(), "cancelled in Cockpit");

        assertThat(claims.holderOf(mobileId.id())).isEmpty();
        fixture.assertActiveAndValid(mobileId);
    }
}
