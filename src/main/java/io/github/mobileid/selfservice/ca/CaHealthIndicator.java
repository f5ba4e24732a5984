package io.github.mobileid.selfservice.ca;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the CA can sign: its certificate is loaded and valid now. Shown as component {@code ca}
 * of {@code /actuator/health}.
 */
@Component("ca")
class CaHealthIndicator implements HealthIndicator {

    private final CertificateAuthority ca;
    private final Clock clock;

    CaHealthIndicator(CertificateAuthority ca, Clock clock) {
        this.ca = ca;
        this.clock = clock;
    }

    @Override
    public Health health() {
        try {
            X509Certificate certificate = ca.caCertificate();
            Instant now = clock.instant();
            if (now.isAfter(certificate.getNotAfter().toInstant())) {
                return Health.down().withDetail("reason", "CA certificate expired").build();
            }
            return Health.up()
                    .withDetail("subject", certificate.getSubjectX500Principal().getName())
                    .withDetail("notAfter", certificate.getNotAfter().toInstant().toString())
                    .build();
        } catch (CertificateAuthorityException e) {
            return Health.down().withDetail("reason", e.getMessage()).build();
        }
    }
}
