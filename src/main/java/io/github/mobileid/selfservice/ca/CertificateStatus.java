package io.github.mobileid.selfservice.ca;

import java.math.BigInteger;
import java.time.Instant;

/**
 * The CA's record of one serial number.
 *
 * @param revokedAt null unless revoked
 * @param revocationReason null unless revoked
 * @param invalidityDate null unless the revocation gave one
 */
public record CertificateStatus(
        BigInteger serialNumber,
        State state,
        Instant revokedAt,
        RevocationReason revocationReason,
        Instant invalidityDate) {

    public enum State {
        GOOD,
        REVOKED,
        UNKNOWN
    }

    public static CertificateStatus unknown(BigInteger serialNumber) {
        return new CertificateStatus(serialNumber, State.UNKNOWN, null, null, null);
    }
}
