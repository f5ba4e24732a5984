package io.github.mobileid.selfservice.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mobileid.selfservice.device.DeviceSimulator;
import io.github.mobileid.selfservice.issue.MobileIdIssuer;
import io.github.mobileid.selfservice.mobileid.MobileIdService;
import io.github.mobileid.selfservice.mobileid.MobileIdState;
import io.github.mobileid.selfservice.security.MobileIdGroups;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * Get mobile ID over HTTP: the user starts it with the API, the device activates it without a
 * login, and every refused activation is a 4xx with a message that changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ActivationOverHttpIT {

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired MobileIdService mobileIds;
    @Autowired MobileIdIssuer issuer;

    private String user;

    @BeforeEach
    void createUser() {
        user = "user-" + UUID.randomUUID().toString().substring(0, 8);
        var camundaUser = identityService.newUser(user);
        camundaUser.setPassword(user + "-secret");
        identityService.saveUser(camundaUser);
        if (identityService.createGroupQuery().groupId(MobileIdGroups.USERS).count() == 0) {
            identityService.saveGroup(identityService.newGroup(MobileIdGroups.USERS));
        }
        identityService.createMembership(user, MobileIdGroups.USERS);
    }

    @Test
    void deviceWithoutLoginActivatesTheMobileIdTheUserAskedFor() throws Exception {
        JsonNode started = getNewMobileId();
        String mobileId = newMobileIdOf(started);
        assertThat(taskService.createTaskQuery().taskId(started.get("taskId").asText()).count())
                .isOne();

        HttpResponse<String> response =
                new DeviceSimulator().activate(URI.create(base()), activationCodeOf(started));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"state\":\"active\"", "BEGIN CERTIFICATE");
        JsonNode view =
                asUser().get()
                        .uri("/api/mobile-ids/{id}", mobileId)
                        .retrieve()
                        .body(JsonNode.class);
        assertThat(view.get("state").asText()).isEqualTo("active");
        assertThat(view.get("certificates").findValuesAsText("type"))
                .containsExactlyInAnyOrder("authentication", "signature");
        assertThat(view.get("certificates").findValuesAsText("caState")).containsOnly("good");
    }

    @Test
    void wrongCodeIsNotFoundAndChangesNothing() {
        JsonNode started = getNewMobileId();

        ResponseEntity<String> response = activate("ZZZZZ-ZZZZZ", new DeviceSimulator().requests());

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody()).contains("Unknown activation code").doesNotContain("\tat ");
        assertRegistered(newMobileIdOf(started));
    }

    @Test
    void usedCodeIsAConflict() {
        JsonNode started = getNewMobileId();
        String code = activationCodeOf(started);
        assertThat(activate(code, new DeviceSimulator().requests()).getStatusCode().value())
                .isEqualTo(200);

        ResponseEntity<String> again = activate(code, new DeviceSimulator().requests());

        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).contains("used already");
    }

    @Test
    void secondCodeOfOneUserIsRefusedOnceTheFirstIsActive() {
        JsonNode first = getNewMobileId();
        JsonNode second = getNewMobileId();
        assertThat(
                        activate(activationCodeOf(first), new DeviceSimulator().requests())
                                .getStatusCode()
                                .value())
                .isEqualTo(200);

        ResponseEntity<String> response =
                activate(activationCodeOf(second), new DeviceSimulator().requests());

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody()).contains("Another mobile ID of this user is active");
        assertRegistered(newMobileIdOf(second));
    }

    @Test
    void forgedRequestOrBadBodyIsABadRequestAndChangesNothing() {
        JsonNode started = getNewMobileId();
        var forged = new HashMap<>(new DeviceSimulator().requests());
        forged.put("authentication", DeviceSimulator.requestSignedByAnotherKey());

        ResponseEntity<String> forgedResponse = activate(activationCodeOf(started), forged);
        ResponseEntity<String> noSignature =
                activate(
                        activationCodeOf(started),
                        Map.of(
                                "authentication",
                                new DeviceSimulator().requests().get("signature")));
        ResponseEntity<String> notJson = post("/api/activations", "{not json");

        assertThat(forgedResponse.getStatusCode().value()).isEqualTo(400);
        assertThat(forgedResponse.getBody()).contains("does not verify");
        assertThat(noSignature.getStatusCode().value()).isEqualTo(400);
        assertThat(noSignature.getBody()).contains("no signature request");
        assertThat(notJson.getStatusCode().value()).isEqualTo(400);
        assertThat(notJson.getBody()).doesNotContain("\tat ");
        assertRegistered(newMobileIdOf(started));
    }

    @Test
    void lockFromTheApiAnswersTheConfirmationTask() {
        var mobileId = issuer.issue(user, "Test phone");

        JsonNode started =
                asUser().post()
                        .uri("/api/mobile-ids/{id}/lock", mobileId.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("getNewMobileId", true))
                        .retrieve()
                        .body(JsonNode.class);

        var task =
                taskService.createTaskQuery().taskId(started.get("taskId").asText()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("UserTask_ConfirmLock");
        assertThat(task.getAssignee()).isEqualTo(user);
    }

    private JsonNode getNewMobileId() {
        return asUser().post().uri("/api/mobile-ids").retrieve().body(JsonNode.class);
    }

    private String newMobileIdOf(JsonNode started) {
        return (String)
                runtimeService.getVariable(
                        started.get("processInstanceId").asText(), "newMobileId");
    }

    private String activationCodeOf(JsonNode started) {
        return (String)
                runtimeService.getVariable(
                        started.get("processInstanceId").asText(), "activationCode");
    }

    private void assertRegistered(String mobileId) {
        assertThat(mobileIds.get(mobileId).state()).isEqualTo(MobileIdState.REGISTERED);
    }

    private ResponseEntity<String> activate(String code, Map<String, String> requests) {
        return post(
                "/api/activations",
                Map.of("activationCode", code, "certificateRequests", requests));
    }

    private ResponseEntity<String> post(String uri, Object body) {
        return RestClient.create(base())
                .post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange(
                        (request, response) ->
                                ResponseEntity.status(response.getStatusCode())
                                        .body(new String(response.getBody().readAllBytes())));
    }

    private RestClient asUser() {
        return RestClient.builder()
                .baseUrl(base())
                .defaultHeaders(headers -> headers.setBasicAuth(user, user + "-secret"))
                .build();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
