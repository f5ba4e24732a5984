package io.github.mobileid.selfservice.api;

import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdState;
import java.time.Instant;
import java.util.List;

/** A mobile ID as the API shows it; {@code certificates} only in the single-item view. */
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
        List<CertificateView> certificates) {

    static MobileIdView of(MobileId m, List<CertificateView> certificates) {
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
                certificates);
    }
}
