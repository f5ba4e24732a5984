package io.github.mobileid.selfservice.mobileid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mobileid.selfservice.audit.AuditTrail;
import io.github.mobileid.selfservice.ca.RevocationReason;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

@JdbcTest
@Import({
    MobileIdService.class,
    MobileIdRepository.class,
    AuditTrail.class,
    MobileIdServiceTest.Config.class
})
class MobileIdServiceTest {

    @TestConfiguration
    static class Config {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired MobileIdService service;
    @Autowired AuditTrail auditTrail;

    @Test
    void newMobileIdIsRegisteredUntilActivated() {
        MobileId registered = service.register("alice", "Alice's phone");

        MobileId activated = service.activate(registered.id());

        assertThat(registered.state()).isEqualTo(MobileIdState.REGISTERED);
        assertThat(activated.state()).isEqualTo(MobileIdState.ACTIVE);
        assertThat(activated.activatedAt()).isNotNull();
    }

    @Test
    void lockingAnActiveMobileIdRecordsWhoAndWhy() {
        MobileId mobileId = active("alice");

        LockResult result = service.lock(mobileId.id(), "alice", RevocationReason.KEY_COMPROMISE);

        MobileId locked = service.get(mobileId.id());
        assertThat(result).isEqualTo(LockResult.LOCKED);
        assertThat(locked.state()).isEqualTo(MobileIdState.LOCKED);
        assertThat(locked.lockedBy()).isEqualTo("alice");
        assertThat(locked.lockReason()).isEqualTo("keyCompromise");
        assertThat(locked.lockedAt()).isNotNull();
        assertThat(auditTrail.entriesOf(mobileId.id()))
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.action()).isEqualTo("lock");
                            assertThat(e.actor()).isEqualTo("alice");
                            assertThat(e.reason()).isEqualTo("keyCompromise");
                            assertThat(e.outcome()).isEqualTo("locked");
                        });
    }

    @Test
    void lockingTwiceKeepsTheFirstLock() {
        MobileId mobileId = active("alice");
        service.lock(mobileId.id(), "alice", RevocationReason.UNSPECIFIED);
        MobileId first = service.get(mobileId.id());

        LockResult again = service.lock(mobileId.id(), "olivia", RevocationReason.KEY_COMPROMISE);

        assertThat(again).isEqualTo(LockResult.ALREADY_LOCKED);
        assertThat(service.get(mobileId.id())).isEqualTo(first);
        assertThat(auditTrail.entriesOf(mobileId.id())).hasSize(1);
    }

    @Test
    void registeredMobileIdCannotBeLocked() {
        MobileId registered = service.register("bob", "Bob's phone");

        assertThatThrownBy(() -> service.lock(registered.id(), "bob", RevocationReason.UNSPECIFIED))
                .isInstanceOf(IllegalMobileIdTransitionException.class)
                .hasMessageContaining("registered")
                .hasMessageContaining("locked");
        assertThat(service.get(registered.id()).state()).isEqualTo(MobileIdState.REGISTERED);
    }

    @Test
    void lockedMobileIdCannotBeActivatedAgain() {
        MobileId mobileId = active("bob");
        service.lock(mobileId.id(), "bob", RevocationReason.UNSPECIFIED);

        assertThatThrownBy(() -> service.activate(mobileId.id()))
                .isInstanceOf(IllegalMobileIdTransitionException.class);
        assertThat(service.get(mobileId.id()).state()).isEqualTo(MobileIdState.LOCKED);
    }

    @Test
    void unknownMobileIdIsNotFound() {
        assertThatThrownBy(() -> service.lock("no-such-id", "bob", RevocationReason.UNSPECIFIED))
                .isInstanceOf(MobileIdNotFoundException.class)
                .hasMessageContaining("no-such-id");
    }

    private MobileId active(String userId) {
        return service.activate(service.register(userId, "phone").id());
    }
}
