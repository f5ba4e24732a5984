package io.github.mobileid.selfservice.ca;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * What the application needs of a certification authority. The built-in CA implements it with
 * BouncyCastle; another CA can replace it by configuration.
 *
 * <p>Every method may throw {@link CertificateAuthorityException} when the CA cannot be reached or
 * fails; callers in a process let it propagate so that the job is retried.
 */
public interface CertificateAuthority {

    /** Issues a certificate for the public key in the request and records its serial number. */
    X509Certificate issue(IssueRequest request);

    /**
     * Revokes a certificate this CA issued. Idempotent: revoking a revoked serial again with the
     * same reason changes nothing and answers {@link RevocationOutcome#ALREADY_REVOKED}.
     *
     * @param invalidityDate when the key is known or suspected to have been compromised, or null
     * @throws UnknownCertificateException when this CA never issued the serial number
     */
    RevocationOutcome revoke(
            BigInteger serialNumber, RevocationReason reason, Instant invalidityDate);

    /** The CA's own view of a serial number: good, revoked or unknown. */
    CertificateStatus status(BigInteger serialNumber);

    /** The CA certificate that signs certificates and CRLs. */
    X509Certificate caCertificate();

    /** The current signed CRL (DER). */
    byte[] currentCrl();
}
