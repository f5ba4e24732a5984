package io.github.mobileid.selfservice.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * HTTP basic authentication with the Camunda users for {@code /api} (Spring Security) and for
 * {@code /engine-rest} (Camunda's own filter, which also tells the engine who the caller is). The
 * Camunda webapps keep their own login, which {@code /api} also accepts for the self-service page
 * ({@link TasklistSessionAuthenticationFilter}); the CA's endpoints are public.
 *
 * <p>{@code POST /api/activations} is the one API endpoint without a login: it is called by a
 * device, which has no Camunda user, and the single-use activation code in its body is the
 * credential.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain activationSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/activations")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(
                        sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No session and no cookie is used here; the code in the body authenticates.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProcessEngine processEngine)
            throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .addFilterBefore(
                        new TasklistSessionAuthenticationFilter(processEngine.getName()),
                        BasicAuthenticationFilter.class)
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(
                        sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // The session is only read (TasklistSessionAuthenticationFilter, which guards
                // changes with a header a cross-site form cannot send); none is created here.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Health is public for load balancers; metrics are for operators and admins. */
    @Bean
    SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(
                        requests ->
                                requests.requestMatchers("/actuator/health/**", "/actuator/health")
                                        .permitAll()
                                        .anyRequest()
                                        .hasAnyAuthority(
                                                "GROUP_" + MobileIdGroups.OPERATORS,
                                                "GROUP_" + MobileIdGroups.ADMINS))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(
                        sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-auth");
        registration.addInitParameter(
                "authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
