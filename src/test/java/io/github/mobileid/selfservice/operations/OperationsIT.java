package io.github.mobileid.selfservice.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mobileid.selfservice.api.HttpUsers;
import io.github.mobileid.selfservice.issue.MobileIdIssuer;
import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdService;
import io.github.mobileid.selfservice.mobileid.MobileIdState;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** What an operator's monitoring sees: health with the CA, and the lock's figures. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=true")
// Spring Boot tests switch metric export off unless asked for it.
@AutoConfigureObservability
@ActiveProfiles("test")
@Import(HttpUsers.class)
class OperationsIT {

    @Autowired MobileIdIssuer issuer;
    @Autowired MobileIdService mobileIds;
    @Autowired RuntimeService runtimeService;
    @Autowired HttpUsers users;

    private String operator;

    @Test
    void healthShowsTheDatabaseAndTheCaUp() {
        JsonNode health =
                users.anonymous().get().uri("/actuator/health").retrieve().body(JsonNode.class);

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/ca/status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusCountsALockFromRequestToRevocation() {
        MobileId mobileId = issuer.issue("metrics-user", "Phone");

        runtimeService
                .createMessageCorrelation("Msg_LockMobileID")
                .setVariables(Map.of("mobileId", mobileId.id(), "userId", "metrics-user"))
                .correlateStartMessage();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mobileIds.get(mobileId.id()).state() == MobileIdState.LOCKED);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(scrape())
                                        .containsPattern(
                                                "mobileid_locks_ended_total\\{[^}]*"
                                                        + "outcome=\"locked\"\\} 1\\.0"));
        String metrics = scrape();
        assertThat(metrics).contains("mobileid_locks_started_total");
        assertThat(metrics).contains("mobileid_locks_revocation_delay_seconds_count");
    }

    @Test
    void backlogAndIncidentGaugesReadNumbersAfterAGarbageCollection() {
        // A gauge that held its object weakly would read NaN from here on.
        System.gc();

        String metrics = scrape();

        assertThat(metrics).containsPattern("(?m)^mobileid_jobs_executable\\{[^}]*\\} \\d+\\.0$");
        assertThat(metrics).containsPattern("(?m)^mobileid_incidents_open\\{[^}]*\\} \\d+\\.0$");
    }

    @Test
    void metricsAreForOperatorsOnly() {
        String user = users.newUser();

        int anonymous = HttpUsers.statusOfGet(users.anonymous(), "/actuator/prometheus").value();
        int selfService = HttpUsers.statusOfGet(users.as(user), "/actuator/prometheus").value();

        assertThat(anonymous).isEqualTo(401);
        assertThat(selfService).isEqualTo(403);
    }

    private String scrape() {
        return users.as(operator()).get().uri("/actuator/prometheus").retrieve().body(String.class);
    }

    private String operator() {
        if (operator == null) {
            operator = users.newOperator();
        }
        return operator;
    }
}
