package io.github.mobileid.selfservice.idm;

import io.github.mobileid.selfservice.ca.CertificateType;
import java.math.BigInteger;
import java.time.Instant;

/**
 * The Identity Manager's record of one certificate of a mobile ID.
 *
 * @param serialNumber the serial number in lower-case hex
 * @param revokedAt null unless revoked
 * @param revocationReason the RFC 5280 reason name, null unless revoked
 * @param pem the certificate, PEM-encoded
 */
public record IdmCertificate(
        String serialNumber,
        String mobileId,
        CertificateType type,
        String subject,
        Instant notBefore,
        Instant notAfter,
        IdmCertificateState state,
        Instant revokedAt,
        String revocationReason,
        String pem) {

    public BigInteger serial() {
        return new BigInteger(serialNumber, 16);
    }
}
