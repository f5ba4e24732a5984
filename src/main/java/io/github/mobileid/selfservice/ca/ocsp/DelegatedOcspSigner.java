package io.github.mobileid.selfservice.ca.ocsp;

import io.github.mobileid.selfservice.ca.BuiltInCertificateAuthority;
import io.github.mobileid.selfservice.ca.EcdsaSigners;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs OCSP responses with a key of the responder's own, which the CA certifies for OCSP signing
 * only (extended key usage OCSPSigning, ocsp-nocheck), so the CA key signs nothing but certificates
 * and CRLs once the responder has its certificate.
 *
 * <p>Each node makes its key in memory when it starts and certifies a new one once half of the
 * certificate's validity has passed. The key is never written to disk; a restart certifies a new
 * one, and the certificates of the old keys stay in {@code ca_certificate} until they expire.
 */
final class DelegatedOcspSigner implements OcspSigner {

    private static final Logger log = LoggerFactory.getLogger(DelegatedOcspSigner.class);

    static final String COMMON_NAME = "Mobile ID Self-Service OCSP Responder";

    private final BuiltInCertificateAuthority ca;
    private final Duration validity;
    private final Clock clock;

    private volatile ResponderCredentials credentials;

    DelegatedOcspSigner(BuiltInCertificateAuthority ca, Duration validity, Clock clock) {
        this.ca = ca;
        this.validity = validity;
        this.clock = clock;
    }

    @Override
    public ResponderCredentials credentials() {
        ResponderCredentials current = credentials;
        if (current == null || !clock.instant().isBefore(current.renewAfter())) {
            return renew(current);
        }
        return current;
    }

    private synchronized ResponderCredentials renew(ResponderCredentials seen) {
        if (credentials != seen) {
            return credentials;
        }
        KeyPair keyPair = newKeyPair();
        X509Certificate certificate =
                ca.issueOcspSigningCertificate(COMMON_NAME, keyPair.getPublic(), validity);
        X509CertificateHolder holder = holder(certificate);
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();

        credentials =
                new ResponderCredentials(
                        EcdsaSigners.forKey(keyPair.getPrivate()),
                        ResponderIds.byKeyHash(holder),
                        new X509CertificateHolder[] {holder},
                        notBefore.plus(Duration.between(notBefore, notAfter).dividedBy(2)));
        log.info(
                "OCSP responder certificate issued: serialNumber={}, notAfter={}",
                certificate.getSerialNumber().toString(16),
                notAfter);
        return credentials;
    }

    private static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new JcaX509CertificateHolder(certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM cannot make EC P-256 key pairs", e);
        }
    }
}
