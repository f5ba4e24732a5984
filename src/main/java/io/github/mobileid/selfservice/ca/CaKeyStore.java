package io.github.mobileid.selfservice.ca;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PKCS#12 key store that keeps the CA key pair and certificate between restarts. The first
 * start makes an EC P-256 key pair and a self-signed certificate and writes them; every later start
 * reads them back.
 */
final class CaKeyStore {

    private static final Logger log = LoggerFactory.getLogger(CaKeyStore.class);

    static final String ALIAS = "ca";

    private final Path path;
    private final char[] password;

    CaKeyStore(Path path, String password) {
        this.path = path.toAbsolutePath().normalize();
        this.password = password.toCharArray();
    }

    /** Reads the CA key and certificate, making them first when the key store does not exist. */
    CaSigner open(String subjectDn, java.time.Duration validity, Clock clock) {
        if (Files.exists(path)) {
            return read();
        }
        return create(subjectDn, validity, clock);
    }

    private CaSigner read() {
        KeyStore keyStore;
        try (InputStream in = Files.newInputStream(path)) {
            keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalStateException(
                        "The CA key store "
                                + path
                                + " exists but cannot be opened with the configured password"
                                + " (mobileid.ca.keystore-password); set the password it was made"
                                + " with, or move the file away to make a new CA",
                        e);
            }
            throw new UncheckedIOException("The CA key store " + path + " cannot be read", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The CA key store " + path + " cannot be read", e);
        }

        try {
            if (!(keyStore.getKey(ALIAS, password) instanceof PrivateKey key)
                    || !(keyStore.getCertificate(ALIAS) instanceof X509Certificate certificate)) {
                throw new IllegalStateException(
                        "The CA key store " + path + " holds no key entry named '" + ALIAS + "'");
            }
            log.info(
                    "CA key store read: path={}, subject={}, serialNumber={}",
                    path,
                    certificate.getSubjectX500Principal().getName(),
                    certificate.getSerialNumber().toString(16));
            return new CaSigner(key, certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "The CA key in " + path + " cannot be read with the configured password", e);
        }
    }

    private CaSigner create(String subjectDn, java.time.Duration validity, Clock clock) {
        KeyPair keyPair = newKeyPair();
        X500Name subject = X500Name.getInstance(new X500Principal(subjectDn).getEncoded());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        X509Certificate certificate =
                Certificates.selfSigned(keyPair, subject, now, now.plus(validity));

        write(keyPair.getPrivate(), certificate);
        log.info(
                "CA created: path={}, subject={}, serialNumber={}, notAfter={}",
                path,
                certificate.getSubjectX500Principal().getName(),
                certificate.getSerialNumber().toString(16),
                certificate.getNotAfter().toInstant());
        return new CaSigner(keyPair.getPrivate(), certificate);
    }

    private void write(PrivateKey key, X509Certificate certificate) {
        try {
            Files.createDirectories(path.getParent());
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(ALIAS, key, password, new X509Certificate[] {certificate});

            // Written aside and moved into place, so that a crash never leaves half a key store.
            Path temporary = Files.createTempFile(path.getParent(), ".ca-", ".p12.tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                keyStore.store(out, password);
            }
            try {
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The CA key store " + path + " cannot be written", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The CA key store cannot be made", e);
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
