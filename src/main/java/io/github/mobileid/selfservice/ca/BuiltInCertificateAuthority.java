package io.github.mobileid.selfservice.ca;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CA that ships with the application: BouncyCastle, an EC P-256 key in a PKCS#12 key store, and
 * its records in the application's database ({@code ca_certificate}, {@code ca_crl}). Selected by
 * {@code mobileid.ca.type: built-in}, the default.
 *
 * <p>Revocations lock the certificate's row, so concurrent requests for one serial number, on one
 * node or on several nodes sharing the database, are applied one after the other. Each change of a
 * revocation also writes a row to {@code ca_revocation_audit} in the same transaction.
 *
 * <p>Limitation: the audit rows say what changed, when and why, but not who asked: the {@link
 * CertificateAuthority} interface carries no requester, so that part of the audit trail is the
 * caller's (the lock process records who locked the mobile ID). Revocation times and invalidity
 * dates are kept to the second, as CRLs and OCSP encode them.
 */
@Service
@ConditionalOnBuiltInCa
public class BuiltInCertificateAuthority implements CertificateAuthority {

    private static final Logger log = LoggerFactory.getLogger(BuiltInCertificateAuthority.class);

    /** Issued certificates start a little in the past, for relying parties with slow clocks. */
    private static final Duration BACKDATING = Duration.ofMinutes(5);

    private final CaSigner ca;
    private final CaCertificateRepository repository;
    private final CrlPublisher crlPublisher;
    private final CaProperties properties;
    private final Clock clock;

    BuiltInCertificateAuthority(
            CaSigner ca,
            CaCertificateRepository repository,
            CrlPublisher crlPublisher,
            CaProperties properties,
            Clock clock) {
        this.ca = ca;
        this.repository = repository;
        this.crlPublisher = crlPublisher;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public X509Certificate issue(IssueRequest request) {
        Objects.requireNonNull(request.type(), "type");
        X500Name subject = endEntitySubject(request.commonName(), request.mobileId());
        return issue(
                subject,
                request.publicKey(),
                CertificateProfile.of(request.type()),
                properties.endEntityValidity());
    }

    /**
     * Certifies a key of a delegated OCSP responder: extended key usage OCSPSigning and the
     * ocsp-nocheck extension (RFC 6960, section 4.2.2.2), no CRL or OCSP pointers.
     */
    @Transactional
    public X509Certificate issueOcspSigningCertificate(
            String commonName, PublicKey key, Duration validity) {
        X500Name subject = endEntitySubject(commonName, null);
        return issue(subject, key, CertificateProfile.OCSP_SIGNING, validity);
    }

    private X509Certificate issue(
            X500Name subject, PublicKey key, CertificateProfile profile, Duration validity) {
        BigInteger serial = Certificates.randomSerialNumber();
        log.info(
                "Certificate issue started: serialNumber={}, profile={}, subject={}",
                serial.toString(16),
                profile.value(),
                subject);
        try {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Instant notBefore = now.minus(BACKDATING);
            Instant caNotAfter = ca.certificate().getNotAfter().toInstant();
            Instant notAfter = min(now.plus(validity), caNotAfter);

            X509Certificate certificate =
                    Certificates.endEntity(
                            ca,
                            new Certificates.EndEntity(serial, subject, key, notBefore, notAfter),
                            profile,
                            properties.baseUrl());
            repository.insert(
                    new CaCertificateRecord(
                            serial.toString(16),
                            profile,
                            Certificates.subjectName(certificate),
                            notBefore,
                            notAfter,
                            Certificates.toPem(certificate),
                            now,
                            null,
                            null,
                            null));

            log.info(
                    "Certificate issue succeeded: serialNumber={}, profile={}, notAfter={}",
                    serial.toString(16),
                    profile.value(),
                    notAfter);
            return certificate;
        } catch (RuntimeException e) {
            log.warn(
                    "Certificate issue failed: serialNumber={}, profile={}, error={}",
                    serial.toString(16),
                    profile.value(),
                    e.toString());
            throw e;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>A revoked serial keeps its first revocation time. Its reason may only be raised to {@code
     * keyCompromise} ({@link RevocationOutcome#REASON_CHANGED}, the invalidity date then replaced
     * when one is given); any other new reason is refused with {@link
     * RevocationReasonChangeException}. The same reason again changes nothing, not even the
     * invalidity date.
     */
    @Override
    @Transactional
    public RevocationOutcome revoke(
            BigInteger serialNumber, RevocationReason reason, Instant invalidityDate) {
        Objects.requireNonNull(reason, "reason");
        String serial = serialNumber.toString(16);
        Instant invalidity = invalidityDate == null ? null : seconds(invalidityDate);
        log.info(
                "Revocation started: serialNumber={}, reason={}, invalidityDate={}",
                serial,
                reason.rfcName(),
                invalidity);
        try {
            RevocationOutcome outcome = revoke(serialNumber, serial, reason, invalidity);
            log.info(
                    "Revocation succeeded: serialNumber={}, reason={}, outcome={}",
                    serial,
                    reason.rfcName(),
                    outcome);
            return outcome;
        } catch (RuntimeException e) {
            log.warn(
                    "Revocation failed: serialNumber={}, reason={}, error={}",
                    serial,
                    reason.rfcName(),
                    e.getMessage());
            throw e;
        }
    }

    private RevocationOutcome revoke(
            BigInteger serialNumber,
            String serial,
            RevocationReason reason,
            Instant invalidityDate) {
        CaCertificateRecord record =
                repository
                        .findForUpdate(serial)
                        .orElseThrow(() -> new UnknownCertificateException(serialNumber));
        Instant now = seconds(clock.instant());

        if (!record.isRevoked()) {
            repository.revoke(serial, now, reason, invalidityDate);
            repository.bumpRevision();
            repository.audit(serial, "revoked", reason, null, invalidityDate, now);
            return RevocationOutcome.REVOKED;
        }
        if (record.revocationReason() == reason) {
            return RevocationOutcome.ALREADY_REVOKED;
        }
        if (reason != RevocationReason.KEY_COMPROMISE) {
            throw new RevocationReasonChangeException(
                    serialNumber, record.revocationReason(), reason);
        }

        Instant invalidity = invalidityDate != null ? invalidityDate : record.invalidityDate();
        repository.changeReason(serial, record.revocationReason(), reason, invalidity);
        repository.bumpRevision();
        repository.audit(
                serial, "reasonChanged", reason, record.revocationReason(), invalidity, now);
        return RevocationOutcome.REASON_CHANGED;
    }

    @Override
    public CertificateStatus status(BigInteger serialNumber) {
        return repository
                .find(serialNumber.toString(16))
                .map(
                        r ->
                                new CertificateStatus(
                                        serialNumber,
                                        r.isRevoked()
                                                ? CertificateStatus.State.REVOKED
                                                : CertificateStatus.State.GOOD,
                                        r.revokedAt(),
                                        r.revocationReason(),
                                        r.invalidityDate()))
                .orElseGet(() -> CertificateStatus.unknown(serialNumber));
    }

    @Override
    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    @Override
    public byte[] currentCrl() {
        return crlPublisher.currentCrl();
    }

    /**
     * The subject of an end-entity certificate, most significant part first, so that it reads
     * {@code CN=<commonName>,SERIALNUMBER=<mobileId>,O=<the CA's organization>} as an RFC 4514
     * string. The organization is taken from the CA's own subject.
     */
    private X500Name endEntitySubject(String commonName, String mobileId) {
        var builder = new X500NameBuilder(BCStyle.INSTANCE);
        for (RDN rdn : ca.subject().getRDNs(BCStyle.O)) {
            builder.addRDN(BCStyle.O, rdn.getFirst().getValue());
        }
        if (mobileId != null) {
            // Values are added as ASN.1 strings, not parsed, so that no character of a user id
            // is read as DN syntax.
            builder.addRDN(BCStyle.SERIALNUMBER, new DERPrintableString(mobileId, true));
        }
        builder.addRDN(
                BCStyle.CN, new DERUTF8String(Objects.requireNonNull(commonName, "commonName")));
        return builder.build();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
