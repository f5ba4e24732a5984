package io.github.mobileid.selfservice.demo;

import io.github.mobileid.selfservice.issue.MobileIdIssuer;
import io.github.mobileid.selfservice.security.MobileIdGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo set of the embedded default, created on the first start only: {@code demo} (admin),
 * {@code alice} and {@code bob} (self-service users, each with an active mobile ID), {@code olivia}
 * (operator). Every password equals its user id, so this runs only where {@code
 * mobileid.demo.enabled} is true, which the embedded default sets and no production profile does.
 * {@code mobileid.demo.extra-users} adds that many more self-service users, each with an active
 * mobile ID, for load tests.
 */
@Component
@ConditionalOnProperty(name = "mobileid.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final IdentityService identityService;
    private final MobileIdIssuer issuer;
    private final int extraUsers;

    DemoData(
            IdentityService identityService,
            MobileIdIssuer issuer,
            @Value("${mobileid.demo.extra-users:0}") int extraUsers) {
        if (extraUsers < 0) {
            throw new IllegalArgumentException(
                    "mobileid.demo.extra-users must be 0 or more, not " + extraUsers);
        }
        this.identityService = identityService;
        this.issuer = issuer;
        this.extraUsers = extraUsers;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        addExtraUsers();
        if (identityService.createUserQuery().userId("demo").count() > 0) {
            return;
        }

        user("demo", "Demo", "Admin", MobileIdGroups.ADMINS);
        user("alice", "Alice", "Anders", MobileIdGroups.USERS);
        user("bob", "Bob", "Berger", MobileIdGroups.USERS);
        user("olivia", "Olivia", "Operator", MobileIdGroups.OPERATORS);
        issuer.issue("alice", "Alice's phone");
        issuer.issue("bob", "Bob's phone");

        log.info("Demo data created: users=[demo, alice, bob, olivia], passwords=user ids");
    }

    /**
     * For load tests and benchmarks: {@code loaduser-0001} to {@code loaduser-N}, each a
     * self-service user with one active mobile ID, password equal to the user id. Users that exist
     * already are kept, so raising N later adds only the new ones.
     */
    private void addExtraUsers() {
        int added = 0;
        for (int i = 1; i <= extraUsers; i++) {
            String id = "loaduser-%04d".formatted(i);
            if (identityService.createUserQuery().userId(id).count() == 0) {
                user(id, "Load", "User " + i, MobileIdGroups.USERS);
                issuer.issue(id, "Load test phone " + i);
                added++;
            }
        }
        if (added > 0) {
            log.info("Demo load users created: added={}, extraUsers={}", added, extraUsers);
        }
    }

    private void user(String id, String firstName, String lastName, String groupId) {
        User user = identityService.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setPassword(id);
        user.setEmail(id + "@example.org");
        identityService.saveUser(user);
        identityService.createMembership(id, groupId);
    }
}
