package io.github.mobileid.selfservice.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaKeyStoreTest {

    private static final String SUBJECT = "CN=Test CA,O=Mobile ID Self-Service";
    private static final Duration VALIDITY = Duration.ofDays(365);

    @TempDir Path directory;

    @Test
    void firstStartCreatesTheKeyStoreWithASelfSignedCaCertificate() throws Exception {
        Path path = directory.resolve("nested/dir/ca.p12");

        CaSigner signer = new CaKeyStore(path, "secret").open(SUBJECT, VALIDITY, Clock.systemUTC());

        assertThat(path).exists();
        var certificate = signer.certificate();
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo(SUBJECT);
        assertThat(certificate.getBasicConstraints()).isZero();
        assertThat(certificate.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(certificate.getKeyUsage()[6]).as("cRLSign").isTrue();
        assertThat(certificate.getSigAlgName()).isEqualTo(CaSigner.SIGNATURE_ALGORITHM);
    }

    @Test
    void restartReusesTheSameKeyAndCertificate() {
        Path path = directory.resolve("ca.p12");
        CaSigner first = new CaKeyStore(path, "secret").open(SUBJECT, VALIDITY, Clock.systemUTC());

        CaSigner second =
                new CaKeyStore(path, "secret").open("CN=Other", VALIDITY, Clock.systemUTC());

        assertThat(second.certificate()).isEqualTo(first.certificate());
        assertThat(second.keyIdentifier()).isEqualTo(first.keyIdentifier());
    }

    @Test
    void wrongPasswordRefusesToStartWithAClearMessage() {
        Path path = directory.resolve("ca.p12");
        new CaKeyStore(path, "secret").open(SUBJECT, VALIDITY, Clock.systemUTC());

        assertThatThrownBy(
                        () ->
                                new CaKeyStore(path, "wrong")
                                        .open(SUBJECT, VALIDITY, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(path.toString())
                .hasMessageContaining("mobileid.ca.keystore-password");
    }
}
