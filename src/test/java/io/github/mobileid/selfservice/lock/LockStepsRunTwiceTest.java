package io.github.mobileid.selfservice.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import io.github.mobileid.selfservice.ca.RevocationReason;
import io.github.mobileid.selfservice.device.DeviceSimulator;
import io.github.mobileid.selfservice.issue.ActivationService;
import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdState;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each service task run a second time after its side effect committed (as when an operator starts
 * it again, or a job is retried) changes nothing the second time. The second run is made by process
 * instance modification: the token waiting at the next step goes back before the step under test.
 */
@ProcessTest
class LockStepsRunTwiceTest {

    @Autowired LockFixture fixture;
    @Autowired RuntimeService runtimeService;
    @Autowired ActivationService activations;

    @Test
    void lockRunAgainChangesNothing() {
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);
        ProcessInstance lock = fixture.messageLockOf(mobileId).start();
        execute(job("ServiceTask_LockMobileId", lock));
        MobileIdSnapshot afterFirstRun = fixture.snapshot(mobileId);

        runAgain(
                lock,
                "ServiceTask_LockMobileId",
                "ServiceTask_RevokeCertificatesInIdentityManager");

        assertThat(fixture.snapshot(mobileId)).isEqualTo(afterFirstRun);
        finishAndAssertLocked(lock, mobileId);
    }

    @Test
    void identityManagerRevocationRunAgainChangesNothing() {
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);
        ProcessInstance lock = fixture.messageLockOf(mobileId).start();
        execute(job("ServiceTask_LockMobileId", lock));
        execute(job("ServiceTask_RevokeCertificatesInIdentityManager", lock));
        MobileIdSnapshot afterFirstRun = fixture.snapshot(mobileId);

        runAgain(
                lock,
                "ServiceTask_RevokeCertificatesInIdentityManager",
                "ServiceTask_RevokeCertificatesAtCa");

        assertThat(fixture.snapshot(mobileId)).isEqualTo(afterFirstRun);
        finishAndAssertLocked(lock, mobileId);
    }

    @Test
    void caRevocationRunAgainChangesNothing() {
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);
        // Asking for a new mobile ID keeps the instance waiting after the CA step.
        ProcessInstance lock =
                fixture.messageLockOf(mobileId).variable("getNewMobileId", true).start();
        fixture.runLockSteps(lock);
        MobileIdSnapshot afterFirstRun = fixture.snapshot(mobileId);

        runAgain(lock, "ServiceTask_RevokeCertificatesAtCa", "CallActivity_GetMobileId");

        assertThat(fixture.snapshot(mobileId)).isEqualTo(afterFirstRun);
        String code =
                (String)
                        runtimeService.getVariable(
                                calledProcessInstance(lock).getId(), "activationCode");
        activations.activate(code, new DeviceSimulator().requests());
        assertThat(lock).isEnded().hasPassed("EndEvent_MobileIdLocked");
        // The first call of Get was cancelled by the modification; its mobile ID stays registered.
        assertThat(fixture.mobileIdsOf(user))
                .extracting(MobileId::state)
                .containsExactlyInAnyOrder(
                        MobileIdState.LOCKED, MobileIdState.REGISTERED, MobileIdState.ACTIVE);
        fixture.assertLockedAndRevoked(mobileId, "security-system", RevocationReason.UNSPECIFIED);
    }

    /** Moves the token from where it waits back before the step and executes the step's job. */
    private void runAgain(ProcessInstance lock, String step, String waitingAt) {
        runtimeService
                .createProcessInstanceModification(lock.getId())
                .startBeforeActivity(step)
                .cancelAllForActivity(waitingAt)
                .execute();
        assertThat(lock).isWaitingAt(step);

        execute(job(step, lock));

        assertThat(lock).isNotWaitingAt(step);
    }

    private void finishAndAssertLocked(ProcessInstance lock, MobileId mobileId) {
        for (String step : LockFixture.LOCK_STEPS) {
            if (runtimeService
                            .createExecutionQuery()
                            .processInstanceId(lock.getId())
                            .activityId(step)
                            .count()
                    > 0) {
                execute(job(step, lock));
            }
        }
        assertThat(lock).isEnded().hasPassed("EndEvent_MobileIdLocked");
        fixture.assertLockedAndRevoked(mobileId, "security-system", RevocationReason.UNSPECIFIED);
    }
}
