package io.github.mobileid.selfservice.api;

import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.security.MobileIdGroups;
import org.springframework.security.core.Authentication;

/** The authenticated user of an API request, and what that user may see. */
record Caller(String userId, boolean operator) {

    static Caller of(Authentication authentication) {
        boolean operator =
                authentication.getAuthorities().stream()
                        .map(a -> a.getAuthority())
                        .anyMatch(
                                a ->
                                        a.equals("GROUP_" + MobileIdGroups.OPERATORS)
                                                || a.equals("GROUP_" + MobileIdGroups.ADMINS));
        return new Caller(authentication.getName(), operator);
    }

    /** Owners see their own mobile IDs; operators and admins see everyone's. */
    boolean maySee(MobileId mobileId) {
        return operator || mobileId.isOwnedBy(userId);
    }

    boolean maySeeUser(String otherUserId) {
        return operator || userId.equals(otherUserId);
    }
}
