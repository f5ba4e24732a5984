package io.github.mobileid.selfservice.ca;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBuiltInCa
@EnableConfigurationProperties(CaProperties.class)
class BuiltInCaConfiguration {

    /**
     * The CA key, read from (or made in) the key store once at start. Several nodes on one database
     * must share one key store file: a node whose key store holds a different CA than the one the
     * database recorded first refuses to start.
     */
    @Bean
    CaSigner caSigner(CaProperties properties, CaIdentityRepository identity, Clock clock) {
        CaSigner signer =
                new CaKeyStore(properties.keystorePath(), properties.keystorePassword())
                        .open(properties.subjectDn(), properties.caValidity(), clock);

        String fingerprint = sha256(signer.certificate());
        String recorded =
                identity.claim(
                        fingerprint,
                        signer.certificate().getSubjectX500Principal().getName(),
                        clock.instant());
        if (!recorded.equals(fingerprint)) {
            throw new IllegalStateException(
                    "The CA key store "
                            + properties.keystorePath().toAbsolutePath()
                            + " holds a CA certificate (SHA-256 "
                            + fingerprint
                            + ") other than the one this database belongs to (SHA-256 "
                            + recorded
                            + "); every node must use the same key store file");
        }
        return signer;
    }

    private static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("The CA certificate cannot be hashed", e);
        }
    }
}
