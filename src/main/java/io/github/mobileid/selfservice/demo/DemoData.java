package io.github.mobileid.selfservice.demo;

import io.github.mobileid.selfservice.issue.MobileIdIssuer;
import io.github.mobileid.selfservice.security.MobileIdGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 */
@Component
@ConditionalOnProperty(name = "mobileid.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final IdentityService identityService;
    private final MobileIdIssuer issuer;

    DemoData(IdentityService identityService, MobileIdIssuer issuer) {
        this.identityService = identityService;
        this.issuer = issuer;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
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
