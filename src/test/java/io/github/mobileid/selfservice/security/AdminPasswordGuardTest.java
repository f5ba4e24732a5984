package io.github.mobileid.selfservice.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class AdminPasswordGuardTest {

    private final AdminPasswordGuard guard = new AdminPasswordGuard();

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "admin", "Demo", "changeit"})
    void adminWithEmptyOrBuiltInPasswordStopsTheStart(String password) {
        var environment =
                new MockEnvironment()
                        .withProperty("camunda.bpm.admin-user.id", "admin")
                        .withProperty("camunda.bpm.admin-user.password", password);

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MOBILEID_ADMIN_PASSWORD");
    }

    @Test
    void adminWithoutPasswordStopsTheStart() {
        var environment = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "ops");

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void adminWithOwnPasswordStarts() {
        var environment =
                new MockEnvironment()
                        .withProperty("camunda.bpm.admin-user.id", "ops")
                        .withProperty("camunda.bpm.admin-user.password", "k7#Vq9!mZp2w");

        assertThatCode(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void withoutAdminUserThereIsNothingToCheck() {
        assertThatCode(
                        () ->
                                guard.postProcessEnvironment(
                                        new MockEnvironment(), new SpringApplication()))
                .doesNotThrowAnyException();
    }
}
