package io.github.mobileid.selfservice.ca;

import java.time.Instant;

/**
 * The CA's record of one issued certificate.
 *
 * @param serialNumber the serial number in lower-case hex
 * @param revokedAt null unless revoked
 * @param revocationReason null unless revoked
 * @param invalidityDate null unless the revocation gave one
 */
record CaCertificateRecord(
        String serialNumber,
        CertificateProfile profile,
        String subject,
        Instant notBefore,
        Instant notAfter,
        String pem,
        Instant issuedAt,
        Instant revokedAt,
        RevocationReason revocationReason,
        Instant invalidityDate) {

    boolean isRevoked() {
        return revokedAt != null;
    }
}
