package io.github.mobileid.selfservice.idm;

import io.github.mobileid.selfservice.ca.CertificateType;
import io.github.mobileid.selfservice.ca.RevocationReason;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Identity Manager: which certificates belong to which mobile ID, and their state. */
@Service
public class IdentityManager {

    private static final Logger log = LoggerFactory.getLogger(IdentityManager.class);

    private final IdmCertificateRepository repository;
    private final Clock clock;

    IdentityManager(IdmCertificateRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional
    public IdmCertificate register(
            String mobileId, CertificateType type, X509Certificate certificate) {
        var record =
                new IdmCertificate(
                        certificate.getSerialNumber().toString(16),
                        mobileId,
                        type,
                        X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                                .toString(),
                        certificate.getNotBefore().toInstant(),
                        certificate.getNotAfter().toInstant(),
                        IdmCertificateState.VALID,
                        null,
                        null,
                        Pem.encode(certificate));
        repository.insert(record);

        log.info(
                "Certificate registered: mobileId={}, serialNumber={}, type={}",
                mobileId,
                record.serialNumber(),
                type.value());
        return record;
    }

    public List<IdmCertificate> certificatesOf(String mobileId) {
        return repository.findByMobileId(mobileId);
    }

    /**
     * Revokes every certificate of the mobile ID that is not revoked yet. Idempotent: a second call
     * revokes nothing and keeps the first revocation's time and reason.
     *
     * @return the certificates revoked by this call
     */
    @Transactional
    public List<IdmCertificate> revokeAll(String mobileId, RevocationReason reason) {
        var now = clock.instant();
        List<IdmCertificate> revoked =
                certificatesOf(mobileId).stream()
                        .filter(c -> repository.revoke(c.serialNumber(), reason.rfcName(), now))
                        .toList();

        revoked.forEach(
                c ->
                        log.info(
                                "Certificate revoked in Identity Manager: mobileId={},"
                                        + " serialNumber={}, reason={}",
                                mobileId,
                                c.serialNumber(),
                                reason.rfcName()));
        return revoked;
    }
}
