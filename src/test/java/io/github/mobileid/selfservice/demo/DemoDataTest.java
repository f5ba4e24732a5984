package io.github.mobileid.selfservice.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mobileid.selfservice.mobileid.MobileIdService;
import io.github.mobileid.selfservice.mobileid.MobileIdState;
import io.github.mobileid.selfservice.security.MobileIdGroups;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The demo set with extra load-test users, as {@code mobileid.demo.extra-users} asks for. */
@SpringBootTest(properties = {"mobileid.demo.enabled=true", "mobileid.demo.extra-users=3"})
@ActiveProfiles("test")
class DemoDataTest {

    @Autowired DemoData demoData;
    @Autowired IdentityService identityService;
    @Autowired MobileIdService mobileIds;

    @Test
    void extraUsersEachHaveOneActiveMobileIdAndARunAgainAddsNone() {
        ApplicationArguments none = new DefaultApplicationArguments();

        demoData.run(none);

        for (String user : new String[] {"loaduser-0001", "loaduser-0002", "loaduser-0003"}) {
            assertThat(identityService.checkPassword(user, user)).isTrue();
            assertThat(
                            identityService
                                    .createUserQuery()
                                    .memberOfGroup(MobileIdGroups.USERS)
                                    .userId(user)
                                    .count())
                    .isEqualTo(1);
            assertThat(mobileIds.findByUser(user))
                    .singleElement()
                    .satisfies(m -> assertThat(m.state()).isEqualTo(MobileIdState.ACTIVE));
        }
        assertThat(identityService.createUserQuery().userId("loaduser-0004").count()).isZero();
        assertThat(mobileIds.findByUser("alice")).hasSize(1);
    }
}
