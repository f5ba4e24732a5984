package io.github.mobileid.selfservice.ca;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Makes {@code /ca/**} public for integration tests, as DESIGN.md requires of the application's own
 * security configuration. The OCSP endpoint needs nothing: it answers ahead of Spring Security.
 */
@TestConfiguration(proxyBeanMethods = false)
class PublicCaEndpointsSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain publicCaEndpoints(HttpSecurity http) throws Exception {
        return http.securityMatcher("/ca/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }
}
