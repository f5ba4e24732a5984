package io.github.mobileid.selfservice.audit;

import java.time.Instant;

/**
 * One recorded change: who ({@code actor}) did what ({@code action}, {@code outcome}) to which
 * mobile ID or certificate, when, and why ({@code reason}, an RFC 5280 reason name).
 *
 * @param serialNumber the certificate's serial number in hex, null for a lock
 */
public record AuditEntry(
        String id,
        Instant occurredAt,
        String actor,
        String action,
        String mobileId,
        String serialNumber,
        String reason,
        String outcome) {

    public static final String LOCK = "lock";
    public static final String REVOKE_IN_IDENTITY_MANAGER = "revoke_in_identity_manager";
    public static final String REVOKE_AT_CA = "revoke_at_ca";
}
