package io.github.mobileid.selfservice.ca;

import io.github.mobileid.selfservice.Application;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application for a benchmark: the test profile (in-memory H2, a fresh CA key store, no
 * job executor), quiet logging.
 */
public final class BenchmarkApplication {

    private BenchmarkApplication() {}

    /** Starts the application with its web server on a free port (Camunda's REST API needs one). */
    public static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.SERVLET)
                .profiles("test")
                .properties(
                        "server.port=0",
                        "logging.level.root=warn",
                        "logging.level.io.github.mobileid=warn",
                        "spring.main.banner-mode=off")
                .run();
    }
}
