package io.github.mobileid.selfservice.api;

import io.github.mobileid.selfservice.ca.CertificateStatus;
import io.github.mobileid.selfservice.ca.CertificateType;
import io.github.mobileid.selfservice.idm.IdmCertificate;
import io.github.mobileid.selfservice.idm.IdmCertificateState;
import java.time.Instant;
import java.util.Locale;

/**
 * One certificate of a mobile ID, as the Identity Manager ({@code idmState}) and the CA ({@code
 * caState}: good, revoked or unknown) see it. The revocation fields are the CA's.
 */
record CertificateView(
        String serialNumber,
        CertificateType type,
        String subject,
        Instant notBefore,
        Instant notAfter,
        IdmCertificateState idmState,
        String caState,
        String revocationReason,
        Instant revokedAt,
        Instant invalidityDate,
        String pem) {

    static CertificateView of(IdmCertificate c, CertificateStatus status) {
        return new CertificateView(
                c.serialNumber(),
                c.type(),
                c.subject(),
                c.notBefore(),
                c.notAfter(),
                c.state(),
                status.state().name().toLowerCase(Locale.ROOT),
                status.revocationReason() == null ? null : status.revocationReason().rfcName(),
                status.revokedAt(),
                status.invalidityDate(),
                c.pem());
    }
}
