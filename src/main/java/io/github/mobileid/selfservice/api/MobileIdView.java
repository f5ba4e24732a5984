package io.github.mobileid.selfservice.api;

import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdState;
import java.time.Instant;
import java.util.List;

/**
 * A mobile ID as the API shows it; {@code certificates} only in the single-item view, {@code
 * activationExpiresAt} only while it is registered.
 */
record MobileIdView(
        String id,
        String userId,
        String displayName,
        MobileIdState state,
        Instant createdAt,
        Instant activatedAt,
        Instant lockedAt,
        String lockedBy,
        String lockReason,
        Instant activationExpiresAt,
        List<CertificateView> certificates) {

    static MobileIdView of(
            MobileId m, List<CertificateView> certificates, Instant activationExpiresAt) {
        return new MobileIdView(
                m.id(),
                m.userId(),
                m.displayName(),
                m.state(),
                m.createdAt(),
                m.activatedAt(),
                m.lockedAt(),
                m.lockedBy(),
                m.lockReason(),
                activationExpiresAt,
                certificates);
    }
}
