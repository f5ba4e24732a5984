package io.github.mobileid.selfservice.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import io.github.mobileid.selfservice.ca.CertificateAuthority;
import io.github.mobileid.selfservice.ca.CertificateAuthorityException;
import io.github.mobileid.selfservice.ca.CertificateStatus;
import io.github.mobileid.selfservice.ca.RevocationReason;
import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdState;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The real CA, made to fail for a while: the job of "Revoke certificates at CA" retries with the
 * configured back-off (PT1S, PT2S, PT4S on the test profile), then raises an incident; once the CA
 * works again, an operator's retry completes the lock and revokes each certificate exactly once.
 */
@ProcessTest
class LockWithFailingCaTest {

    private static final String CA_STEP = "ServiceTask_RevokeCertificatesAtCa";

    @MockitoSpyBean CertificateAuthority ca;
    @Autowired LockFixture fixture;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;

    @Test
    void failingCaRetriesWithBackOffThenRaisesIncidentAndRevokesOnceWhenBack() {
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);
        ProcessInstance lock = fixture.messageLockOf(mobileId).start();
        execute(job("ServiceTask_LockMobileId", lock));
        execute(job("ServiceTask_RevokeCertificatesInIdentityManager", lock));
        // The CA fails on the mobile ID's second certificate, after it revoked the first one.
        BigInteger secondSerial = fixture.snapshot(mobileId).identityManager().get(1).serial();
        doThrow(new CertificateAuthorityException("CA unreachable"))
                .when(ca)
                .revoke(eq(secondSerial), any(), any());
        Instant now = Instant.parse("2026-03-01T08:00:00Z");
        ClockUtil.setCurrentTime(Date.from(now));
        String jobId = job(CA_STEP, lock).getId();

        List<Integer> retriesLeft = new ArrayList<>();
        List<Duration> backOff = new ArrayList<>();
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThatThrownBy(() -> managementService.executeJob(jobId))
                    .hasMessageContaining("CA unreachable");
            Job failed = managementService.createJobQuery().jobId(jobId).singleResult();
            retriesLeft.add(failed.getRetries());
            backOff.add(Duration.between(now, failed.getDuedate().toInstant()));
        }

        assertThat(retriesLeft).containsExactly(3, 2, 1, 0);
        assertThat(backOff.subList(0, 3))
                .containsExactly(
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        Incident incident =
                runtimeService.createIncidentQuery().processInstanceId(lock.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(CA_STEP);
        assertThat(incident.getIncidentMessage()).contains("CA unreachable");
        assertThat(ca.status(secondSerial).state()).isEqualTo(CertificateStatus.State.GOOD);
        assertThat(fixture.snapshot(mobileId).mobileId().state()).isEqualTo(MobileIdState.LOCKED);

        doCallRealMethod().when(ca).revoke(any(), any(), any());
        managementService.setJobRetries(jobId, 1);
        execute(managementService.createJobQuery().jobId(jobId).singleResult());

        assertThat(lock).isEnded().hasPassed("EndEvent_MobileIdLocked");
        assertThat(runtimeService.createIncidentQuery().processInstanceId(lock.getId()).count())
                .isZero();
        fixture.assertLockedAndRevoked(mobileId, "security-system", RevocationReason.UNSPECIFIED);
    }
}
