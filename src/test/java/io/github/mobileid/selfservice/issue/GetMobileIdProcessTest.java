package io.github.mobileid.selfservice.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.github.mobileid.selfservice.ca.RevocationReason;
import io.github.mobileid.selfservice.device.DeviceSimulator;
import io.github.mobileid.selfservice.idm.IdentityManager;
import io.github.mobileid.selfservice.idm.IdmCertificate;
import io.github.mobileid.selfservice.issue.ActivationRefusedException.Reason;
import io.github.mobileid.selfservice.lock.LockFixture;
import io.github.mobileid.selfservice.lock.ProcessTest;
import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdService;
import io.github.mobileid.selfservice.mobileid.MobileIdState;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "Get mobile ID": registered with an activation code, activated by the device's own keys. */
@ProcessTest
class GetMobileIdProcessTest {

    private static final String PROCESS = "MobileIDSelfServiceProcGet";

    @Autowired LockFixture fixture;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired ActivationService activations;
    @Autowired IdentityManager identityManager;
    @Autowired MobileIdService mobileIds;
    @Autowired HistoryService historyService;

    @Test
    void deviceActivatesTheRegisteredMobileIdWithItsOwnKeys() {
        String user = fixture.newUser();
        ProcessInstance get = startAs(user);
        assertThat(get).isWaitingAt("UserTask_ActivateMobileId");
        assertThat(task(get)).isAssignedTo(user);
        MobileId registered = newMobileIdOf(get);
        assertThat(registered.state()).isEqualTo(MobileIdState.REGISTERED);
        assertThat(identityManager.certificatesOf(registered.id())).isEmpty();
        assertThat((String) runtimeService.getVariable(get.getId(), "activationQrCode"))
                .startsWith("data:image/png;base64,");
        var device = new DeviceSimulator();

        activations.activate(activationCodeOf(get), device.requests());

        assertThat(get).isEnded().hasPassed("EndEvent_MobileIdActivated");
        fixture.assertActiveAndValid(registered);
        assertThat(
                        historyService
                                .createHistoricVariableInstanceQuery()
                                .processInstanceId(get.getId())
                                .variableNameIn("activationCode", "activationQrCode")
                                .count())
                .isZero();
        assertThat(
                        historyService
                                .createHistoricVariableInstanceQuery()
                                .processInstanceId(get.getId())
                                .variableName("newMobileId")
                                .count())
                .isOne();
        for (IdmCertificate certificate : identityManager.certificatesOf(registered.id())) {
            assertThat(x509(certificate).getPublicKey())
                    .isEqualTo(device.publicKey(certificate.type().value()));
        }
    }

    @Test
    void deviceStillActivatesAfterTheUserClosedTheActivationForm() {
        String user = fixture.newUser();
        ProcessInstance get = startAs(user);
        String code = activationCodeOf(get);

        complete(task(get));
        assertThat(get).isWaitingAt("ReceiveTask_WaitForDevice");
        activations.activate(code, new DeviceSimulator().requests());

        assertThat(get).isEnded().hasPassed("EndEvent_MobileIdActivated");
        fixture.assertActiveAndValid(fixture.mobileIdsOf(user).get(0));
    }

    @Test
    void wrongCodeIsRefusedAndChangesNothing() {
        String user = fixture.newUser();
        ProcessInstance get = startAs(user);

        assertThatThrownBy(
                        () -> activations.activate("ZZZZZ-ZZZZZ", new DeviceSimulator().requests()))
                .isInstanceOfSatisfying(
                        ActivationRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_CODE));

        assertThat(get).isWaitingAt("UserTask_ActivateMobileId");
        assertRegisteredWithoutCertificates(newMobileIdOf(get));
    }

    @Test
    void usedCodeIsRefusedTheSecondTime() {
        String user = fixture.newUser();
        ProcessInstance get = startAs(user);
        String code = activationCodeOf(get);
        activations.activate(code, new DeviceSimulator().requests());
        var serials = identityManager.certificatesOf(newMobileIdOf(get).id());

        assertThatThrownBy(() -> activations.activate(code, new DeviceSimulator().requests()))
                .isInstanceOfSatisfying(
                        ActivationRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CODE_USED));

        assertThat(identityManager.certificatesOf(newMobileIdOf(get).id())).isEqualTo(serials);
    }

    @Test
    void requestNotSignedByItsKeyIsRefusedAndTheCodeStillWorks() {
        String user = fixture.newUser();
        ProcessInstance get = startAs(user);
        var device = new DeviceSimulator();
        var forged = new HashMap<>(device.requests());
        forged.put("signature", DeviceSimulator.requestSignedByAnotherKey());

        assertThatThrownBy(() -> activations.activate(activationCodeOf(get), forged))
                .isInstanceOfSatisfying(
                        ActivationRefusedException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
                            assertThat(e).hasMessageContaining("signature of the signature");
                        });
        assertRegisteredWithoutCertificates(newMobileIdOf(get));

        activations.activate(activationCodeOf(get), device.requests());
        assertThat(get).isEnded().hasPassed("EndEvent_MobileIdActivated");
    }

    @Test
    void expiredCodeEndsTheProcessAndLeavesNoActiveMobileIdOrValidCertificate() {
        String user = fixture.newUser();
        ProcessInstance get = startAs(user);
        String code = activationCodeOf(get);
        Date expiresAt = variable(get, "activationExpiresAt");

        ClockUtil.setCurrentTime(Date.from(expiresAt.toInstant().plus(Duration.ofSeconds(1))));
        execute(job("BoundaryEvent_CodeExpiredWhileShown", get));

        assertThat(get).isEnded().hasPassed("EndEvent_ActivationCodeExpired");
        assertThatThrownBy(() -> activations.activate(code, new DeviceSimulator().requests()))
                .isInstanceOfSatisfying(
                        ActivationRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CODE_EXPIRED));
        assertThat(fixture.mobileIdsOf(user))
                .singleElement()
                .satisfies(this::assertRegisteredWithoutCertificates);
    }

    @Test
    void userWithActiveMobileIdWhoCancelsKeepsItAndGetsNoNewOne() {
        String user = fixture.newUser();
        MobileId active = fixture.activeMobileIdOf(user);
        ProcessInstance get = startAs(user);
        assertThat(get).isWaitingAt("UserTask_ConfirmLockOfCurrentMobileId");
        assertThat(task(get)).isAssignedTo(user);

        complete(task(get), withVariables("decision", "cancel"));

        assertThat(get).isEnded().hasPassed("EndEvent_GetCancelled");
        assertThat(fixture.mobileIdsOf(user)).containsExactly(active);
        fixture.assertActiveAndValid(active);
    }

    @Test
    void userWithActiveMobileIdLocksItFirstAndThenGetsTheNewOne() {
        String user = fixture.newUser();
        MobileId old = fixture.activeMobileIdOf(user);
        ProcessInstance get = startAs(user);

        fixture.logIn(user);
        complete(task(get), withVariables("decision", "next"));
        identityService.clearAuthentication();
        ProcessInstance lock = calledProcessInstance(get);
        fixture.runLockSteps(lock);

        assertThat(lock).isEnded().hasPassed("EndEvent_MobileIdLocked");
        fixture.assertLockedAndRevoked(old, user, RevocationReason.UNSPECIFIED);
        assertThat(get).isWaitingAt("UserTask_ActivateMobileId");
        activations.activate(activationCodeOf(get), new DeviceSimulator().requests());
        assertThat(get).isEnded().hasPassed("EndEvent_MobileIdActivated");
        fixture.assertActiveAndValid(newMobileIdOf(get));
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

    private ProcessInstance startAs(String user) {
        fixture.logIn(user);
        try {
            return runtimeService.startProcessInstanceByKey(PROCESS);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void assertRegisteredWithoutCertificates(MobileId mobileId) {
        assertThat(fixture.mobileIdsOf(mobileId.userId()))
                .filteredOn(m -> m.id().equals(mobileId.id()))
                .singleElement()
                .extracting(MobileId::state)
                .isEqualTo(MobileIdState.REGISTERED);
        assertThat(identityManager.certificatesOf(mobileId.id())).isEmpty();
    }

    private MobileId newMobileIdOf(ProcessInstance get) {
        return mobileIds.get(variable(get, "newMobileId"));
    }

    /** The code the form shows; only the running instance has it, the history never does. */
    private String activationCodeOf(ProcessInstance get) {
        return (String) runtimeService.getVariable(get.getId(), "activationCode");
    }

    @SuppressWarnings("unchecked")
    private <T> T variable(ProcessInstance get, String name) {
        return (T)
                historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(get.getId())
                        .variableName(name)
                        .singleResult()
                        .getValue();
    }

    private static X509Certificate x509(IdmCertificate certificate) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509")
                            .generateCertificate(
                                    new ByteArrayInputStream(certificate.pem().getBytes()));
        } catch (Exception e) {
            throw new AssertionError("The Identity Manager holds no parsable certificate", e);
        }
    }
}
