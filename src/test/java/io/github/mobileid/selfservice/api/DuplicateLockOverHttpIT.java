package io.github.mobileid.selfservice.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mobileid.selfservice.issue.MobileIdIssuer;
import io.github.mobileid.selfservice.mobileid.MobileId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

/**
 * A system sends the lock message twice over the engine REST API, as the README shows: the second
 * answer already says that the lock is in progress, and by whom.
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
class DuplicateLockOverHttpIT {

    @Autowired HttpUsers users;
    @Autowired MobileIdIssuer issuer;

    @Test
    void secondMessageForTheSameMobileIdIsAnsweredAsLockInProgress() {
        String operator = users.newOperator();
        MobileId mobileId = issuer.issue(users.newUser(), "Test phone");

        // The first lock waits for the owner's confirmation, so it is surely still in progress.
        JsonNode first = sendLockMessage(operator, mobileId, true).get(0);
        JsonNode second = sendLockMessage(operator, mobileId, false).get(0);

        assertThat(first.get("processInstance").get("ended").asBoolean()).isFalse();
        assertThat(second.get("processInstance").get("ended").asBoolean()).isTrue();
        JsonNode variables = second.get("variables");
        assertThat(variables.get("lockOutcome").get("value").asText()).isEqualTo("lockInProgress");
        assertThat(variables.get("lockInProgressBy").get("value").asText())
                .isEqualTo(first.get("processInstance").get("id").asText());
        assertThat(first.get("variables").has("lockOutcome")).isFalse();
    }

    private JsonNode sendLockMessage(
            String caller, MobileId mobileId, boolean confirmationRequired) {
        return users.as(caller)
                .post()
                .uri("/engine-rest/message")
                .contentType(MediaType.APPLICATION_JSON)
                .body(
                        Map.of(
                                "messageName",
                                "Msg_LockMobileID",
                                "processVariables",
                                Map.of(
                                        "mobileId", HttpUsers.value(mobileId.id()),
                                        "userId", HttpUsers.value(mobileId.userId()),
                                        "requestedBy", HttpUsers.value("security-system"),
                                        "confirmationRequired",
                                                HttpUsers.value(confirmationRequired)),
                                "resultEnabled",
                                true,
                                "variablesInResultEnabled",
                                true))
                .retrieve()
                .body(JsonNode.class);
    }
}
