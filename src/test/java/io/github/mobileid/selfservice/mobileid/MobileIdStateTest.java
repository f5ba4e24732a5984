package io.github.mobileid.selfservice.mobileid;

import static io.github.mobileid.selfservice.mobileid.MobileIdState.ACTIVE;
import static io.github.mobileid.selfservice.mobileid.MobileIdState.INACTIVE;
import static io.github.mobileid.selfservice.mobileid.MobileIdState.LOCKED;
import static io.github.mobileid.selfservice.mobileid.MobileIdState.REGISTERED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MobileIdStateTest {

    @Test
    void onlyAnActiveMobileIdCanBeLocked() {
        assertThat(Arrays.stream(MobileIdState.values()).filter(s -> s.canTransitionTo(LOCKED)))
                .containsExactly(ACTIVE);
    }

    @ParameterizedTest
    @EnumSource(MobileIdState.class)
    void nothingLeavesLocked(MobileIdState target) {
        assertThat(LOCKED.canTransitionTo(target)).isFalse();
    }

    @Test
    void aRegisteredMobileIdCanOnlyBecomeActive() {
        assertThat(REGISTERED.canTransitionTo(ACTIVE)).isTrue();
        assertThat(REGISTERED.canTransitionTo(INACTIVE)).isFalse();
        assertThat(REGISTERED.canTransitionTo(LOCKED)).isFalse();
    }

    @Test
    void statesReadBackFromTheirStoredValues() {
        for (MobileIdState state : MobileIdState.values()) {
            assertThat(MobileIdState.of(state.value())).isEqualTo(state);
        }
    }
}
