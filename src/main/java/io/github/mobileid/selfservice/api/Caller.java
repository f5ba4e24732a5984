package io.github.mobileid.selfservice.api;

import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.security.MobileIdGroups;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The authenticated user of an API request, and what that user may see. */
record Caller(String userId, boolean operator) {

    private static final String GROUP_PREFIX = "GROUP_";

    static Caller of(Authentication authentication) {
        List<String> groupIds =
                authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith(GROUP_PREFIX))
                        .map(a -> a.substring(GROUP_PREFIX.length()))
                        .toList();
        return new Caller(authentication.getName(), MobileIdGroups.mayActForOthers(groupIds));
    }

    /** Owners see their own mobile IDs; operators and admins see everyone's. */
    boolean maySee(MobileId mobileId) {
        return operator || mobileId.isOwnedBy(userId);
    }

    boolean maySeeUser(String otherUserId) {
        return operator || userId.equals(otherUserId);
    }
}
