package io.github.mobileid.selfservice.security;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start when Camunda is told to create an admin user ({@code camunda.bpm.admin-user.id})
 * with an empty or well-known password. It runs before any bean is made, so no user is created with
 * such a password. The embedded default has demo users instead and sets no admin user.
 */
class AdminPasswordGuard implements EnvironmentPostProcessor, Ordered {

    private static final Set<String> BUILT_IN =
            Set.of("admin", "demo", "camunda", "password", "changeit", "secret");

    @Override
    public void postProcessEnvironment(
            ConfigurableEnvironment environment, SpringApplication application) {
        String adminId = environment.getProperty("camunda.bpm.admin-user.id");
        if (adminId == null) {
            return;
        }

        String password = environment.getProperty("camunda.bpm.admin-user.password", "");
        if (password.isBlank()
                || password.equals(adminId)
                || BUILT_IN.contains(password.toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException(
                    "Refusing to start: the admin user '"
                            + adminId
                            + "' has an empty or built-in password. Set MOBILEID_ADMIN_PASSWORD"
                            + " (camunda.bpm.admin-user.password) to a password of your own.");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
