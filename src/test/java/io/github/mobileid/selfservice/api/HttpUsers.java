package io.github.mobileid.selfservice.api;

import io.github.mobileid.selfservice.security.MobileIdGroups;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Camunda users with passwords for tests over HTTP, and HTTP clients that log in as them with basic
 * authentication, as Tasklist's REST calls, other systems and the self-service page do.
 */
@TestComponent
public class HttpUsers {

    private final IdentityService identityService;
    private final Environment environment;

    HttpUsers(IdentityService identityService, Environment environment) {
        this.identityService = identityService;
        this.environment = environment;
    }

    /** A self-service user (in {@code mobileid-users}) no other test uses. */
    public String newUser() {
        return newMemberOf(MobileIdGroups.USERS, "user-");
    }

    /** An operator (in {@code mobileid-operators}) no other test uses. */
    public String newOperator() {
        return newMemberOf(MobileIdGroups.OPERATORS, "operator-");
    }

    /** An administrator (in {@code camunda-admin}) no other test uses. */
    public String newAdmin() {
        return newMemberOf(MobileIdGroups.ADMINS, "admin-");
    }

    public RestClient as(String userId) {
        return RestClient.builder()
                .baseUrl(baseUrl())
                .defaultHeaders(headers -> headers.setBasicAuth(userId, password(userId)))
                .build();
    }

    public RestClient anonymous() {
        return RestClient.create(baseUrl());
    }

    /** POSTs JSON and answers the status and body whatever the status is. */
    public static ResponseEntity<String> post(RestClient client, String uri, Object body) {
        return client.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange(
                        (request, response) ->
                                ResponseEntity.status(response.getStatusCode())
                                        .body(new String(response.getBody().readAllBytes())));
    }

    public static HttpStatusCode statusOfGet(RestClient client, String uri) {
        return client.get().uri(uri).exchange((request, response) -> response.getStatusCode());
    }

    /** A variable as the engine REST API takes it. */
    public static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    private String newMemberOf(String groupId, String prefix) {
        String id = prefix + UUID.randomUUID().toString().substring(0, 8);
        var user = identityService.newUser(id);
        user.setPassword(password(id));
        identityService.saveUser(user);
        identityService.createMembership(id, groupId);
        return id;
    }

    private String baseUrl() {
        return "http://localhost:" + environment.getProperty("local.server.port");
    }

    private static String password(String userId) {
        return userId + "-secret";
    }
}
