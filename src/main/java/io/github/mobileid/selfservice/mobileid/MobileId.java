package io.github.mobileid.selfservice.mobileid;

import java.time.Instant;

/**
 * A mobile ID: the phone app of one user, holding the certificates the CA issued for it.
 *
 * @param lockedBy who asked for the lock, null unless locked
 * @param lockReason the RFC 5280 reason name of the lock, null unless locked
 */
public record MobileId(
        String id,
        String userId,
        String displayName,
        MobileIdState state,
        Instant createdAt,
        Instant activatedAt,
        Instant lockedAt,
        String lockedBy,
        String lockReason) {

    public boolean isOwnedBy(String user) {
        return userId.equals(user);
    }
}
