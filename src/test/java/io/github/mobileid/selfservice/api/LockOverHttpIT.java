package io.github.mobileid.selfservice.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mobileid.selfservice.ca.RevocationReason;
import io.github.mobileid.selfservice.issue.MobileIdIssuer;
import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdService;
import io.github.mobileid.selfservice.mobileid.MobileIdState;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application over HTTP, as Tasklist, other systems and relying parties use it: the
 * engine REST API with the Camunda users, the application's API and the CA's CRL.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camunda.bpm.job-execution.enabled=true",
            // The engine REST API serves the engine named "default".
            "camunda.bpm.generate-unique-process-engine-name=false"
        })
@ActiveProfiles("test")
@Import(HttpUsers.class)
class LockOverHttpIT {

    private static final String PROCESS = "MobileIDSelfServiceProcLock";

    @Autowired HttpUsers users;
    @Autowired MobileIdIssuer issuer;
    @Autowired MobileIdService mobileIds;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;

    private String user;
    private MobileId mobileId;

    @BeforeEach
    void createUserWithActiveMobileId() {
        user = users.newUser();
        mobileId = issuer.issue(user, "Test phone");
    }

    @Test
    void tasklistLockConfirmedWithNextRevokesEveryCertificateAndListsItInTheCrl() {
        String processInstanceId =
                users.as(user)
                        .post()
                        .uri("/engine-rest/process-definition/key/{key}/start", PROCESS)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of())
                        .retrieve()
                        .body(JsonNode.class)
                        .get("id")
                        .asText();
        String taskId = confirmTaskOf(processInstanceId);

        submit(
                taskId,
                Map.of(
                        "decision",
                        HttpUsers.value("next"),
                        "getNewMobileId",
                        HttpUsers.value(false)));

        awaitEnded(processInstanceId);
        JsonNode view = mobileIdOverApi(user, mobileId.id());
        assertThat(view.get("state").asText()).isEqualTo("locked");
        assertThat(view.get("certificates")).hasSize(2);
        for (JsonNode certificate : view.get("certificates")) {
            assertThat(certificate.get("idmState").asText()).isEqualTo("revoked");
            assertThat(certificate.get("caState").asText()).isEqualTo("revoked");
        }
        X509CRL crl = crlOverHttp();
        for (JsonNode certificate : view.get("certificates")) {
            var serial = new BigInteger(certificate.get("serialNumber").asText(), 16);
            assertThat(crl.getRevokedCertificate(serial)).isNotNull();
        }
        assertThat(endEventOf(processInstanceId)).isEqualTo("EndEvent_MobileIdLocked");
    }

    @Test
    void confirmTaskFormIsServedAsDeployedCamundaForm() {
        String processInstanceId = startInTasklist();
        String taskId = confirmTaskOf(processInstanceId);

        JsonNode form =
                users.as(user)
                        .get()
                        .uri("/engine-rest/task/{id}/deployed-form", taskId)
                        .retrieve()
                        .body(JsonNode.class);

        assertThat(form.findValuesAsText("key")).contains("decision", "getNewMobileId");
    }

    @Test
    void cancelledLockOverRestLeavesMobileIdActive() {
        String processInstanceId = startInTasklist();

        submit(confirmTaskOf(processInstanceId), Map.of("decision", HttpUsers.value("cancel")));

        awaitEnded(processInstanceId);
        assertThat(mobileIds.get(mobileId.id()).state()).isEqualTo(MobileIdState.ACTIVE);
        assertThat(endEventOf(processInstanceId)).isEqualTo("EndEvent_LockCancelled");
    }

    @Test
    void messageStartOverEngineRestLocksWithoutConfirmation() {
        // An operator's system may declare who asked; a self-service user may name only themselves.
        String securitySystem = users.newOperator();
        var body =
                Map.of(
                        "messageName",
                        "Msg_LockMobileID",
                        "processVariables",
                        Map.of(
                                "mobileId", HttpUsers.value(mobileId.id()),
                                "userId", HttpUsers.value(user),
                                "requestedBy", HttpUsers.value("security-system"),
                                "reason", HttpUsers.value("keyCompromise")),
                        "resultEnabled",
                        true);

        JsonNode result =
                users.as(securitySystem)
                        .post()
                        .uri("/engine-rest/message")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body)
                        .retrieve()
                        .body(JsonNode.class);

        awaitEnded(result.get(0).get("processInstance").get("id").asText());
        JsonNode view = mobileIdOverApi(user, mobileId.id());
        assertThat(view.get("state").asText()).isEqualTo("locked");
        assertThat(view.get("lockedBy").asText()).isEqualTo("security-system");
        assertThat(view.get("certificates").findValuesAsText("revocationReason"))
                .containsOnly("keyCompromise");
    }

    @Test
    void messageWithoutUserIdIsRefusedWithClearErrorAndChangesNothing() {
        var body =
                Map.of(
                        "messageName",
                        "Msg_LockMobileID",
                        "processVariables",
                        Map.of("mobileId", HttpUsers.value(mobileId.id())));

        ResponseEntity<String> response =
                HttpUsers.post(users.as(user), "/engine-rest/message", body);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("userId").doesNotContain("\tat ");
        assertNothingChanged();
    }

    @Test
    void messageWithUnknownReasonIsRefusedAndChangesNothing() {
        var body =
                Map.of(
                        "messageName",
                        "Msg_LockMobileID",
                        "processVariables",
                        Map.of(
                                "mobileId",
                                HttpUsers.value(mobileId.id()),
                                "userId",
                                HttpUsers.value(user),
                                "reason",
                                HttpUsers.value("lostInTheSea")));

        ResponseEntity<String> response =
                HttpUsers.post(users.as(user), "/engine-rest/message", body);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("lostInTheSea");
        assertNothingChanged();
    }

    @Test
    void submittedDecisionOtherThanNextOrCancelIsRefusedAndTaskStays() {
        String processInstanceId = startInTasklist();
        String taskId = confirmTaskOf(processInstanceId);

        ResponseEntity<String> response =
                HttpUsers.post(
                        users.as(user),
                        "/engine-rest/task/" + taskId + "/submit-form",
                        Map.of("variables", Map.of("decision", HttpUsers.value("maybe"))));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("decision").doesNotContain("\tat ");
        assertThat(confirmTaskOf(processInstanceId)).isEqualTo(taskId);
        assertThat(mobileIds.get(mobileId.id()).state()).isEqualTo(MobileIdState.ACTIVE);
    }

    @Test
    void apiAndEngineRestRefuseUnauthenticatedCalls() {
        var anonymous = users.anonymous();

        HttpStatusCode api = HttpUsers.statusOfGet(anonymous, "/api/mobile-ids");
        HttpStatusCode engine = HttpUsers.statusOfGet(anonymous, "/engine-rest/task");
        HttpStatusCode caCertificate = HttpUsers.statusOfGet(anonymous, "/ca/certificate");

        assertThat(api.value()).isEqualTo(401);
        assertThat(engine.value()).isEqualTo(401);
        assertThat(caCertificate.value()).isEqualTo(200);
    }

    @Test
    void anotherUsersMobileIdIsNotFoundOverApi() {
        String otherUser = users.newUser();

        HttpStatusCode read =
                HttpUsers.statusOfGet(users.as(otherUser), "/api/mobile-ids/" + mobileId.id());
        HttpStatusCode lock =
                users.as(otherUser)
                        .post()
                        .uri("/api/mobile-ids/{id}/lock", mobileId.id())
                        .exchange((request, response) -> response.getStatusCode());

        assertThat(read.value()).isEqualTo(404);
        assertThat(lock.value()).isEqualTo(404);
        assertThat(mobileIds.get(mobileId.id()).state()).isEqualTo(MobileIdState.ACTIVE);
    }

    @Test
    void lockOfALockedMobileIdOverApiIsAConflictAndStartsNothing() {
        mobileIds.lock(mobileId.id(), user, RevocationReason.UNSPECIFIED);

        ResponseEntity<String> response =
                HttpUsers.post(
                        users.as(user), "/api/mobile-ids/" + mobileId.id() + "/lock", Map.of());

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody()).contains("cannot go from locked to locked");
        assertThat(processInstancesForMobileId()).isZero();
    }

    @Test
    void ownersListShowsOnlyTheirOwnMobileIds() {
        issuer.issue(users.newUser(), "Someone else's phone");

        JsonNode list = users.as(user).get().uri("/api/mobile-ids").retrieve().body(JsonNode.class);

        assertThat(list.findValuesAsText("id")).containsExactly(mobileId.id());
    }

    private String startInTasklist() {
        return users.as(user)
                .post()
                .uri("/engine-rest/process-definition/key/{key}/start", PROCESS)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of())
                .retrieve()
                .body(JsonNode.class)
                .get("id")
                .asText();
    }

    private String confirmTaskOf(String processInstanceId) {
        JsonNode tasks =
                users.as(user)
                        .get()
                        .uri(
                                "/engine-rest/task?processInstanceId={id}&taskDefinitionKey={key}",
                                processInstanceId,
                                "UserTask_ConfirmLock")
                        .retrieve()
                        .body(JsonNode.class);
        assertThat(tasks).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    private void submit(String taskId, Map<String, Object> variables) {
        users.as(user)
                .post()
                .uri("/engine-rest/task/{id}/submit-form", taskId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", variables))
                .retrieve()
                .toBodilessEntity();
    }

    private void assertNothingChanged() {
        assertThat(mobileIds.get(mobileId.id()).state()).isEqualTo(MobileIdState.ACTIVE);
        assertThat(
                        runtimeService
                                .createProcessInstanceQuery()
                                .processInstanceBusinessKey(mobileId.id())
                                .count())
                .isZero();
        assertThat(processInstancesForMobileId()).isZero();
    }

    /** Running and ended: every instance that was started for the mobile ID. */
    private long processInstancesForMobileId() {
        return historyService
                .createHistoricProcessInstanceQuery()
                .variableValueEquals("mobileId", mobileId.id())
                .count();
    }

    private JsonNode mobileIdOverApi(String caller, String id) {
        return users.as(caller)
                .get()
                .uri("/api/mobile-ids/{id}", id)
                .retrieve()
                .body(JsonNode.class);
    }

    private X509CRL crlOverHttp() {
        byte[] der = users.anonymous().get().uri("/ca/crl").retrieve().body(byte[].class);
        try {
            return (X509CRL)
                    CertificateFactory.getInstance("X.509")
                            .generateCRL(new ByteArrayInputStream(der));
        } catch (Exception e) {
            throw new AssertionError("The CA served no parsable CRL", e);
        }
    }

    private void awaitEnded(String processInstanceId) {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                runtimeService
                                                .createProcessInstanceQuery()
                                                .processInstanceId(processInstanceId)
                                                .count()
                                        == 0);
    }

    private String endEventOf(String processInstanceId) {
        List<String> ends =
                historyService
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .activityType("noneEndEvent")
                        .list()
                        .stream()
                        .map(a -> a.getActivityId())
                        // the end of the lock inside, not the process's own end after it
                        .filter(id -> !id.equals("EndEvent_LockRequestFinished"))
                        .toList();
        assertThat(ends).hasSize(1);
        return ends.get(0);
    }
}
