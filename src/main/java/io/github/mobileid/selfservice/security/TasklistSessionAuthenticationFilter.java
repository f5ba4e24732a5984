package io.github.mobileid.selfservice.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the self-service page ({@code /selfservice}) call {@code /api} with the login of the Camunda
 * webapps: a request without basic credentials is authenticated as the user logged in to Tasklist
 * in the same HTTP session, with that user's Camunda groups as {@code GROUP_<groupId>}.
 *
 * <p>Why the header: a session cookie rides along with requests that other sites make, so a request
 * that changes something is taken from the session only when it carries {@code X-Requested-With:
 * XMLHttpRequest}. A cross-site form cannot send that header, and a cross-site script cannot send
 * it without a CORS preflight that this application never allows.
 */
class TasklistSessionAuthenticationFilter extends OncePerRequestFilter {

    static final String REQUESTED_WITH = "X-Requested-With";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final String engineName;

    TasklistSessionAuthenticationFilter(String engineName) {
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && (SAFE_METHODS.contains(request.getMethod())
                        || "XMLHttpRequest".equals(request.getHeader(REQUESTED_WITH)))
                && AuthenticationUtil.getAuthsFromSession(session)
                                .getAuthenticationForProcessEngine(engineName)
                        instanceof UserAuthentication user) {
            List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
            var authorities =
                    groups.stream().map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList();
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(
                            user.getName(), null, authorities));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
