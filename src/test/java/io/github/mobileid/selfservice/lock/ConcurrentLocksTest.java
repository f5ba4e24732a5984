package io.github.mobileid.selfservice.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.mobileid.selfservice.ca.RevocationReason;
import io.github.mobileid.selfservice.idm.IdmCertificate;
import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdService;
import io.github.mobileid.selfservice.mobileid.MobileIdState;
import java.math.BigInteger;
import java.security.cert.X509CRLEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many lock requests at once, with the job executor running the lock steps as it does in
 * production: duplicates for one mobile ID lock and revoke once, many mobile IDs all get locked,
 * and a result message waits for a caller that is not waiting yet.
 */
@JobExecutorTest
class ConcurrentLocksTest {

    private static final Duration AT_MOST = Duration.ofSeconds(120);

    @Autowired LockFixture fixture;
    @Autowired MobileIdService mobileIds;
    @Autowired LockClaimService claims;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;

    @Test
    void twentyConcurrentRequestsForOneMobileIdLockAndRevokeOnce() throws Exception {
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);

        List<ProcessInstance> requests =
                atOnce(20, 20, i -> () -> fixture.messageLockOf(mobileId).start());

        awaitEnded(requests);
        Map<String, Long> ends =
                requests.stream()
                        .collect(
                                Collectors.groupingBy(
                                        r -> lockEndOf(r.getId()), Collectors.counting()));
        assertThat(ends.get("EndEvent_MobileIdLocked")).isEqualTo(1);
        assertThat(ends.keySet())
                .containsOnly(
                        "EndEvent_MobileIdLocked",
                        "EndEvent_LockAlreadyInProgress",
                        "EndEvent_MobileIdAlreadyLocked");
        fixture.assertLockedAndRevoked(mobileId, "security-system", RevocationReason.UNSPECIFIED);
        assertThat(claims.holderOf(mobileId.id())).isEmpty();
        assertNoIncidentOrFailedJob(requests);
    }

    @Test
    void twoHundredRequestsForDifferentMobileIdsFromEightThreadsAllLock() throws Exception {
        List<MobileId> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(fixture.activeMobileIdOf(fixture.newUser()));
        }

        List<ProcessInstance> requests =
                atOnce(200, 8, i -> () -> fixture.messageLockOf(many.get(i)).start());

        awaitEnded(requests);
        assertThat(many)
                .allSatisfy(
                        m ->
                                assertThat(mobileIds.get(m.id()).state())
                                        .isEqualTo(MobileIdState.LOCKED));
        assertThat(requests)
                .extracting(r -> lockEndOf(r.getId()))
                .containsOnly("EndEvent_MobileIdLocked");
        Map<BigInteger, Long> inCrl = crlEntriesCounted();
        for (MobileId m : many) {
            for (IdmCertificate c : fixture.snapshot(m).identityManager()) {
                assertThat(inCrl.get(c.serial())).isEqualTo(1);
            }
        }
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
    }

    @Test
    void callerThatWaitsOnlyAfterTheLockEndedStillGetsTheResult() {
        repositoryService
                .createDeployment()
                .addModelInstance(
                        "test-lock-caller.bpmn",
                        Bpmn.createExecutableProcess("TestLockCaller")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .intermediateCatchEvent("Event_LockResultReceived")
                                .message("Msg_TestLockResult")
                                .endEvent()
                                .done())
                .deploy();
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);
        String key = UUID.randomUUID().toString();
        ProcessInstance lock =
                fixture.messageLockOf(mobileId)
                        .variable("resultMessageName", "Msg_TestLockResult")
                        .variable("resultCorrelationKey", key)
                        .start();

        // The lock is done and its first try to send the result found no caller.
        await().atMost(AT_MOST)
                .until(
                        () ->
                                managementService
                                                .createJobQuery()
                                                .processInstanceId(lock.getId())
                                                .activityId("ServiceTask_SendLockResult")
                                                .withException()
                                                .count()
                                        == 1);
        assertThat(mobileIds.get(mobileId.id()).state()).isEqualTo(MobileIdState.LOCKED);
        ProcessInstance caller =
                runtimeService.startProcessInstanceByKey(
                        "TestLockCaller", Map.of("resultCorrelationKey", key));

        awaitEnded(List.of(lock, caller));
        assertThat(variableOf(caller, "lockOutcome")).isEqualTo("locked");
        assertThat(variableOf(caller, "lockProcessInstanceId")).isEqualTo(lock.getId());
        assertThat(variableOf(caller, "mobileId")).isEqualTo(mobileId.id());
        assertThat(lockEndOf(lock.getId())).isEqualTo("EndEvent_MobileIdLocked");
        assertThat(
                        historyService
                                .createHistoricIncidentQuery()
                                .processInstanceId(lock.getId())
                                .count())
                .isZero();
        fixture.assertLockedAndRevoked(mobileId, "security-system", RevocationReason.UNSPECIFIED);
    }

    /** Runs the starts on the given number of threads, all released at the same moment. */
    private static List<ProcessInstance> atOnce(
            int starts, int threads, Function<Integer, Callable<ProcessInstance>> start)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var go = new CountDownLatch(1);
            List<Future<ProcessInstance>> futures = new ArrayList<>();
            for (int i = 0; i < starts; i++) {
                Callable<ProcessInstance> task = start.apply(i);
                futures.add(
                        pool.submit(
                                () -> {
                                    go.await();
                                    return task.call();
                                }));
            }
            go.countDown();
            List<ProcessInstance> started = new ArrayList<>();
            for (Future<ProcessInstance> future : futures) {
                started.add(future.get());
            }
            return started;
        } finally {
            pool.shutdown();
        }
    }

    private void awaitEnded(Collection<ProcessInstance> instances) {
        List<String> ids = instances.stream().map(ProcessInstance::getId).toList();
        await().atMost(AT_MOST)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () ->
                                runtimeService
                                                .createProcessInstanceQuery()
                                                .processInstanceIds(new java.util.HashSet<>(ids))
                                                .count()
                                        == 0);
    }

    /** The end event the lock reached inside its subprocess. */
    private String lockEndOf(String processInstanceId) {
        List<String> ends =
                historyService
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .activityType("noneEndEvent")
                        .list()
                        .stream()
                        .map(HistoricActivityInstance::getActivityId)
                        .filter(id -> !id.equals("EndEvent_LockRequestFinished"))
                        .toList();
        assertThat(ends).hasSize(1);
        return ends.get(0);
    }

    private void assertNoIncidentOrFailedJob(List<ProcessInstance> instances) {
        for (ProcessInstance instance : instances) {
            assertThat(
                            historyService
                                    .createHistoricIncidentQuery()
                                    .processInstanceId(instance.getId())
                                    .count())
                    .isZero();
            assertThat(
                            historyService
                                    .createHistoricJobLogQuery()
                                    .processInstanceId(instance.getId())
                                    .failureLog()
                                    .count())
                    .isZero();
        }
    }

    private Object variableOf(ProcessInstance instance, String name) {
        return historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName(name)
                .singleResult()
                .getValue();
    }

    private Map<BigInteger, Long> crlEntriesCounted() {
        var entries = fixture.crl().getRevokedCertificates();
        return entries.stream()
                .map(X509CRLEntry::getSerialNumber)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
