package io.github.mobileid.selfservice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.mobileid.selfservice.device.DeviceSimulator;
import io.github.mobileid.selfservice.issue.MobileIdIssuer;
import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdService;
import io.github.mobileid.selfservice.mobileid.MobileIdState;
import io.github.mobileid.selfservice.security.MobileIdGroups;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A self-service user's path in a real browser: Tasklist and its Camunda Forms, the page at {@code
 * /selfservice}, and a device simulator activating the new mobile ID. Screenshots of the steps go
 * to {@code target/e2e-screenshots}, and of a failure to {@code target/e2e-failures}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camunda.bpm.job-execution.enabled=true",
            // Tasklist serves the engine named "default".
            "camunda.bpm.generate-unique-process-engine-name=false"
        })
@ActiveProfiles("test")
class SelfServiceBrowserIT {

    private static final Duration SLOW = Duration.ofSeconds(90);

    private static Browser browser;

    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE =
            new TestWatcher() {
                @Override
                public void testFailed(ExtensionContext context, Throwable cause) {
                    if (browser != null) {
                        browser.screenshot("e2e-failures", context.getDisplayName());
                    }
                }
            };

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired MobileIdIssuer issuer;
    @Autowired MobileIdService mobileIds;
    @Autowired TaskService taskService;

    private String user;
    private MobileId mobileId;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @BeforeEach
    void demoLikeUserWithActiveMobileIdLogsInToTasklist() {
        user = "user" + UUID.randomUUID().toString().substring(0, 6);
        var camundaUser = identityService.newUser(user);
        camundaUser.setFirstName("Erin");
        camundaUser.setLastName("Example");
        camundaUser.setPassword(user);
        identityService.saveUser(camundaUser);
        identityService.createMembership(user, MobileIdGroups.USERS);
        mobileId = issuer.issue(user, "Erin's phone");
        // Without an administrator the webapps show their setup page instead of the login.
        if (identityService.createUserQuery().memberOfGroup(MobileIdGroups.ADMINS).count() == 0) {
            var admin = identityService.newUser("e2eadmin");
            admin.setPassword(UUID.randomUUID().toString());
            identityService.saveUser(admin);
            identityService.createMembership("e2eadmin", MobileIdGroups.ADMINS);
        }

        browser.forgetLogin();
        browser.open(base() + "/camunda/app/tasklist/default/");
        browser.type(By.cssSelector("input[ng-model='username']"), user);
        browser.type(By.cssSelector("input[ng-model='password']"), user);
        browser.click(By.cssSelector("button[type='submit']"));
        browser.visible(By.xpath("//a[contains(normalize-space(),'My Tasks')]"));
    }

    @Test
    void lockStartedInTasklistAndConfirmedWithNextLocksTheMobileId() {
        startLockInTasklist();

        openTaskInList("Confirm lock");
        browser.visible(By.xpath("//label[normalize-space()='Next']"));
        browser.screenshot("e2e-screenshots", "tasklist-confirm-lock");
        decideAndComplete("Next");

        awaitState(mobileId.id(), MobileIdState.LOCKED);
    }

    @Test
    void lockStartedInTasklistAndCancelledLeavesTheMobileIdActive() {
        startLockInTasklist();

        openTaskInList("Confirm lock");
        decideAndComplete("Cancel");

        await().atMost(SLOW).until(() -> openTasksOf(user) == 0);
        assertThat(mobileIds.get(mobileId.id()).state()).isEqualTo(MobileIdState.ACTIVE);
    }

    @Test
    void possibleActionsLockMobileIdOnTheSelfServicePageLocksIt() {
        browser.open(base() + "/selfservice");
        By card = By.cssSelector("[data-mobile-id='" + mobileId.id() + "']");
        browser.waitForText(card, "active");
        browser.screenshot("e2e-screenshots", "selfservice-active");

        browser.click(By.cssSelector("[data-mobile-id='" + mobileId.id() + "'] .possible-actions"));
        browser.screenshot("e2e-screenshots", "selfservice-possible-actions");
        browser.click(By.cssSelector("[data-mobile-id='" + mobileId.id() + "'] .lock-mobile-id"));
        browser.waitForUrlContaining("task=");
        decideAndComplete("Next");

        awaitState(mobileId.id(), MobileIdState.LOCKED);
        browser.open(base() + "/selfservice");
        browser.waitForText(card, "locked");
    }

    @Test
    void getMobileIdLocksTheActiveOneAndTheDeviceActivatesTheNewOne() throws Exception {
        browser.open(base() + "/selfservice");
        browser.click(By.id("get-mobile-id"));
        browser.visible(By.id("lock-first"));
        browser.screenshot("e2e-screenshots", "selfservice-get-lock-first");

        browser.click(By.id("lock-and-get"));
        browser.waitForUrlContaining("task=");
        browser.visible(By.xpath("//label[normalize-space()='Next']"));
        browser.screenshot("e2e-screenshots", "tasklist-confirm-lock-get-new");
        decideAndComplete("Next");
        awaitState(mobileId.id(), MobileIdState.LOCKED);
        Task activation =
                await().atMost(SLOW)
                        .until(
                                () ->
                                        taskService
                                                .createTaskQuery()
                                                .taskAssignee(user)
                                                .taskDefinitionKey("UserTask_ActivateMobileId")
                                                .singleResult(),
                                t -> t != null);
        String newMobileId = (String) taskService.getVariable(activation.getId(), "newMobileId");

        browser.open(base() + "/camunda/app/tasklist/default/#/?task=" + activation.getId());
        browser.visible(By.cssSelector("img[src^='data:image/png']"));
        String code =
                browser.visible(By.xpath("//*[starts-with(normalize-space(),'Activation code:')]"))
                        .getText()
                        .replace("Activation code:", "")
                        .trim();
        browser.screenshot("e2e-screenshots", "tasklist-activation-code");
        var response = new DeviceSimulator().activate(URI.create(base()), code);

        assertThat(response.statusCode()).isEqualTo(200);
        browser.open(base() + "/selfservice");
        browser.waitForText(By.cssSelector("[data-mobile-id='" + newMobileId + "']"), "active");
        browser.waitForText(By.cssSelector("[data-mobile-id='" + mobileId.id() + "']"), "locked");
        browser.screenshot("e2e-screenshots", "selfservice-after-activation");
    }

    private void startLockInTasklist() {
        browser.click(By.xpath("//a[contains(normalize-space(),'Start process')]"));
        browser.click(By.xpath("//a[normalize-space()='Lock mobile ID']"));
        browser.visible(
                By.xpath("//label[contains(normalize-space(),'What happened to the phone?')]"));
        browser.screenshot("e2e-screenshots", "tasklist-start-lock");
        browser.click(By.xpath("//button[normalize-space()='Start']"));
    }

    private void openTaskInList(String name) {
        browser.click(By.xpath("//a[normalize-space()='" + name + "']"));
    }

    private void decideAndComplete(String choice) {
        browser.click(By.xpath("//label[normalize-space()='" + choice + "']"));
        browser.click(By.xpath("//button[normalize-space()='Complete']"));
    }

    private void awaitState(String id, MobileIdState state) {
        await().atMost(SLOW).until(() -> mobileIds.get(id).state() == state);
    }

    private long openTasksOf(String assignee) {
        return taskService.createTaskQuery().taskAssignee(assignee).count();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
