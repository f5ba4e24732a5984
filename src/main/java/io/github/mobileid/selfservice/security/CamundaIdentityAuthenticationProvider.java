package io.github.mobileid.selfservice.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP basic credentials of the application's own API against Camunda's identity service, so
 * that one set of users and groups serves Tasklist, the engine REST API and {@code /api}. Each
 * Camunda group becomes an authority {@code GROUP_<groupId>}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (credentials == null || !identityService.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("Wrong user id or password");
        }

        List<SimpleGrantedAuthority> authorities =
                identityService.createGroupQuery().groupMember(userId).list().stream()
                        .map(Group::getId)
                        .map(groupId -> new SimpleGrantedAuthority("GROUP_" + groupId))
                        .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
