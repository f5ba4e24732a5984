package io.github.mobileid.selfservice.api;

import static io.github.mobileid.selfservice.api.HttpUsers.post;
import static io.github.mobileid.selfservice.api.HttpUsers.statusOfGet;
import static io.github.mobileid.selfservice.api.HttpUsers.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mobileid.selfservice.audit.AuditEntry;
import io.github.mobileid.selfservice.audit.AuditTrail;
import io.github.mobileid.selfservice.ca.CertificateAuthority;
import io.github.mobileid.selfservice.ca.CertificateAuthorityException;
import io.github.mobileid.selfservice.ca.CertificateStatus;
import io.github.mobileid.selfservice.idm.IdentityManager;
import io.github.mobileid.selfservice.issue.MobileIdIssuer;
import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdService;
import io.github.mobileid.selfservice.mobileid.MobileIdState;
import io.github.mobileid.selfservice.security.MobileIdGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Who may see and do what, over HTTP with Camunda authorization on: two self-service users A and B,
 * and an operator. The job executor is off: the test runs the lock's jobs itself.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("test")
@Import(HttpUsers.class)
class AuthorizationIT {

    private static final String PROCESS = "MobileIDSelfServiceProcLock";

    @Autowired HttpUsers users;
    @Autowired MobileIdIssuer issuer;
    @Autowired MobileIdService mobileIds;
    @Autowired IdentityManager identityManager;
    @Autowired AuditTrail auditTrail;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired AuthorizationService authorizationService;
    @MockitoSpyBean CertificateAuthority ca;

    private String a;
    private String b;
    private String operator;
    private MobileId mobileIdOfA;

    @BeforeEach
    void twoUsersAndAnOperator() {
        reset(ca);
        a = users.newUser();
        b = users.newUser();
        operator = users.newOperator();
        mobileIdOfA = issuer.issue(a, "A's phone");
    }

    @Test
    void unauthenticatedCallsAreRefusedButTheCaIsPublic() {
        var anonymous = users.anonymous();

        assertThat(statusOfGet(anonymous, "/api/mobile-ids").value()).isEqualTo(401);
        assertThat(statusOfGet(anonymous, "/engine-rest/task").value()).isEqualTo(401);
        assertThat(statusOfGet(anonymous, "/ca/certificate").value()).isEqualTo(200);
        assertThat(statusOfGet(anonymous, "/ca/crl").value()).isEqualTo(200);
    }

    @Test
    void adminOpensEveryWebappSeesTheProcessesAndLocksByMessage() {
        String admin = users.newAdmin();
        List<String> groups = List.of(MobileIdGroups.ADMINS);

        String definitions =
                users.as(admin)
                        .get()
                        .uri("/engine-rest/process-definition/count")
                        .retrieve()
                        .body(String.class);
        ResponseEntity<String> lock =
                post(users.as(admin), "/engine-rest/message", lockMessageFor(mobileIdOfA, a));

        for (String webapp : List.of("cockpit", "tasklist", "admin")) {
            assertThat(
                            authorizationService.isUserAuthorized(
                                    admin,
                                    groups,
                                    Permissions.ACCESS,
                                    Resources.APPLICATION,
                                    webapp))
                    .as(webapp)
                    .isTrue();
        }
        assertThat(definitions).doesNotContain("\"count\":0");
        assertThat(lock.getStatusCode().value()).isEqualTo(200);
        assertThat(
                        runtimeService
                                .createProcessInstanceQuery()
                                .variableValueEquals("mobileId", mobileIdOfA.id())
                                .count())
                .isEqualTo(1);
    }

    @Test
    void anotherUserCannotSeeOrWorkOnTheConfirmTask() {
        String processInstanceId = startLockInTasklistAs(a);
        String taskId = confirmTaskId(processInstanceId);

        JsonNode tasksSeenByB =
                users.as(b).get().uri("/engine-rest/task").retrieve().body(JsonNode.class);
        int completeByB =
                post(users.as(b), "/engine-rest/task/" + taskId + "/submit-form", next())
                        .getStatusCode()
                        .value();
        int taskVariablesForB =
                statusOfGet(users.as(b), "/engine-rest/task/" + taskId + "/variables").value();
        int instanceVariablesForB =
                statusOfGet(
                                users.as(b),
                                "/engine-rest/process-instance/" + processInstanceId + "/variables")
                        .value();

        assertThat(tasksSeenByB.findValuesAsText("id")).doesNotContain(taskId);
        assertThat(completeByB).isEqualTo(403);
        assertThat(taskVariablesForB).isEqualTo(403);
        assertThat(instanceVariablesForB).isEqualTo(403);
        assertThat(confirmTaskId(processInstanceId)).isEqualTo(taskId);
        assertThat(mobileIds.get(mobileIdOfA.id()).state()).isEqualTo(MobileIdState.ACTIVE);
    }

    @Test
    void ownerSeesAndCompletesTheirOwnConfirmTask() {
        String processInstanceId = startLockInTasklistAs(a);
        String taskId = confirmTaskId(processInstanceId);

        JsonNode tasksSeenByA =
                users.as(a).get().uri("/engine-rest/task").retrieve().body(JsonNode.class);
        int completeByA =
                post(users.as(a), "/engine-rest/task/" + taskId + "/submit-form", next())
                        .getStatusCode()
                        .value();

        assertThat(tasksSeenByA.findValuesAsText("id")).contains(taskId);
        assertThat(completeByA).isEqualTo(204);
    }

    @Test
    void anotherUserCannotReadOrLockTheMobileIdOverTheApi() {
        int read = statusOfGet(users.as(b), "/api/mobile-ids/" + mobileIdOfA.id()).value();
        int list = statusOfGet(users.as(b), "/api/mobile-ids?userId=" + a).value();
        int lock =
                post(users.as(b), "/api/mobile-ids/" + mobileIdOfA.id() + "/lock", Map.of())
                        .getStatusCode()
                        .value();

        assertThat(read).isEqualTo(404);
        assertThat(list).isEqualTo(403);
        assertThat(lock).isEqualTo(404);
        assertThat(mobileIds.get(mobileIdOfA.id()).state()).isEqualTo(MobileIdState.ACTIVE);
    }

    @Test
    void anotherUserCannotLockTheMobileIdByMessage() {
        ResponseEntity<String> response =
                post(users.as(b), "/engine-rest/message", lockMessageFor(mobileIdOfA, a));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("only their own mobile IDs");
        assertThat(mobileIds.get(mobileIdOfA.id()).state()).isEqualTo(MobileIdState.ACTIVE);
    }

    @Test
    void submissionsThatChangeOwnershipOrLackADecisionChangeNothing() {
        MobileId mobileIdOfB = issuer.issue(b, "B's phone");
        String processInstanceId = startLockInTasklistAs(a);
        String taskId = confirmTaskId(processInstanceId);
        String uri = "/engine-rest/task/" + taskId + "/submit-form";

        var othersMobileId = Map.of("decision", value("next"), "mobileId", value(mobileIdOfB.id()));
        var changedUser = Map.of("decision", value("next"), "userId", value(b));
        var noDecision = Map.of("getNewMobileId", value(false));

        for (var variables : List.of(othersMobileId, changedUser, noDecision)) {
            ResponseEntity<String> response =
                    post(users.as(a), uri, Map.of("variables", variables));
            assertThat(response.getStatusCode().value()).isEqualTo(400);
            assertThat(response.getBody()).doesNotContain("\tat ");
        }
        assertThat(confirmTaskId(processInstanceId)).isEqualTo(taskId);
        assertThat(runtimeService.getVariable(processInstanceId, "userId")).isEqualTo(a);
        assertThat(runtimeService.getVariable(processInstanceId, "mobileId"))
                .isEqualTo(mobileIdOfA.id());
        assertThat(mobileIds.get(mobileIdOfB.id()).state()).isEqualTo(MobileIdState.ACTIVE);
        assertThat(mobileIds.get(mobileIdOfA.id()).state()).isEqualTo(MobileIdState.ACTIVE);
    }

    @Test
    void operatorSeesTheInstanceButCannotCompleteTheOwnersTask() {
        String processInstanceId = startLockInTasklistAs(a);
        String taskId = confirmTaskId(processInstanceId);

        JsonNode instances =
                users.as(operator)
                        .get()
                        .uri("/engine-rest/process-instance?processDefinitionKey=" + PROCESS)
                        .retrieve()
                        .body(JsonNode.class);
        JsonNode variables =
                users.as(operator)
                        .get()
                        .uri("/engine-rest/process-instance/{id}/variables", processInstanceId)
                        .retrieve()
                        .body(JsonNode.class);
        int complete =
                post(users.as(operator), "/engine-rest/task/" + taskId + "/submit-form", next())
                        .getStatusCode()
                        .value();

        assertThat(instances.findValuesAsText("id")).contains(processInstanceId);
        assertThat(variables.get("mobileId").get("value").asText()).isEqualTo(mobileIdOfA.id());
        assertThat(complete).isEqualTo(403);
        assertThat(confirmTaskId(processInstanceId)).isEqualTo(taskId);
    }

    @Test
    void operatorRetriesTheFailedCaJobAndEachCertificateIsRevokedOnce() {
        doThrow(new CertificateAuthorityException("CA unreachable"))
                .when(ca)
                .revoke(any(), any(), any());
        String processInstanceId = startLockByMessageAs(a);
        runJobsUntilIncident(processInstanceId);
        Job failed =
                managementService
                        .createJobQuery()
                        .processInstanceId(processInstanceId)
                        .singleResult();
        reset(ca);

        int retry =
                users.as(operator)
                        .put()
                        .uri("/engine-rest/job/{id}/retries", failed.getId())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("retries", 1))
                        .exchange((request, response) -> response.getStatusCode().value());
        managementService.executeJob(failed.getId());

        assertThat(retry).isEqualTo(204);
        assertThat(
                        runtimeService
                                .createProcessInstanceQuery()
                                .processInstanceId(processInstanceId)
                                .count())
                .isZero();
        assertThat(identityManager.certificatesOf(mobileIdOfA.id()))
                .allSatisfy(
                        c ->
                                assertThat(ca.status(c.serial()).state())
                                        .isEqualTo(CertificateStatus.State.REVOKED));
        assertThat(auditTrail.entriesOf(mobileIdOfA.id()))
                .filteredOn(e -> e.action().equals(AuditEntry.REVOKE_AT_CA))
                .extracting(AuditEntry::serialNumber)
                .doesNotHaveDuplicates()
                .hasSize(2);
    }

    @Test
    void auditTrailShowsOneLockAndOneRevocationPerCertificateWithTheRequester() {
        String processInstanceId = startLockByMessageAs(a);
        runAllJobs(processInstanceId);

        JsonNode entries =
                users.as(operator)
                        .get()
                        .uri("/api/audit?mobileId={id}", mobileIdOfA.id())
                        .retrieve()
                        .body(JsonNode.class);
        int readByOwner =
                statusOfGet(users.as(a), "/api/audit?mobileId=" + mobileIdOfA.id()).value();
        int deleteByOperator =
                users.as(operator)
                        .delete()
                        .uri("/api/audit?mobileId={id}", mobileIdOfA.id())
                        .exchange((request, response) -> response.getStatusCode().value());

        List<JsonNode> list = new ArrayList<>();
        entries.forEach(list::add);
        assertThat(list).filteredOn(e -> e.get("action").asText().equals("lock")).hasSize(1);
        assertThat(list)
                .filteredOn(e -> e.get("action").asText().equals(AuditEntry.REVOKE_AT_CA))
                .extracting(e -> e.get("serialNumber").asText())
                .doesNotHaveDuplicates()
                .hasSize(2);
        assertThat(list).allSatisfy(e -> assertThat(e.get("actor").asText()).isEqualTo(a));
        assertThat(readByOwner).isEqualTo(403);
        assertThat(deleteByOperator).isEqualTo(405);
        assertThat(auditTrail.entriesOf(mobileIdOfA.id())).hasSize(list.size());
    }

    private String startLockInTasklistAs(String user) {
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

    private String startLockByMessageAs(String user) {
        JsonNode result =
                users.as(user)
                        .post()
                        .uri("/engine-rest/message")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(lockMessageFor(mobileIdOfA, user))
                        .retrieve()
                        .body(JsonNode.class);
        return result.get(0).get("processInstance").get("id").asText();
    }

    private static Map<String, Object> lockMessageFor(MobileId mobileId, String userId) {
        return Map.of(
                "messageName",
                "Msg_LockMobileID",
                "processVariables",
                Map.of("mobileId", value(mobileId.id()), "userId", value(userId)),
                "resultEnabled",
                true);
    }

    private String confirmTaskId(String processInstanceId) {
        return taskService
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey("UserTask_ConfirmLock")
                .singleResult()
                .getId();
    }

    private void runAllJobs(String processInstanceId) {
        Job job;
        while ((job = nextJob(processInstanceId)) != null) {
            managementService.executeJob(job.getId());
        }
    }

    private void runJobsUntilIncident(String processInstanceId) {
        for (Job job = nextJob(processInstanceId); job != null; job = nextJob(processInstanceId)) {
            String jobId = job.getId();
            catchThrowable(() -> managementService.executeJob(jobId));
            if (runtimeService.createIncidentQuery().processInstanceId(processInstanceId).count()
                    > 0) {
                return;
            }
        }
        throw new AssertionError("The lock ended without an incident");
    }

    private Job nextJob(String processInstanceId) {
        return managementService
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .list()
                .stream()
                .filter(j -> j.getRetries() > 0)
                .findFirst()
                .orElse(null);
    }

    private static Map<String, Object> next() {
        return Map.of("variables", Map.of("decision", value("next")));
    }
}
