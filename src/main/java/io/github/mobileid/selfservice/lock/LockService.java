package io.github.mobileid.selfservice.lock;

import io.github.mobileid.selfservice.audit.AuditEntry;
import io.github.mobileid.selfservice.audit.AuditTrail;
import io.github.mobileid.selfservice.ca.CertificateAuthority;
import io.github.mobileid.selfservice.ca.RevocationOutcome;
import io.github.mobileid.selfservice.idm.IdentityManager;
import io.github.mobileid.selfservice.idm.IdmCertificate;
import io.github.mobileid.selfservice.mobileid.LockResult;
import io.github.mobileid.selfservice.mobileid.MobileIdService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The three steps of a lock, each idempotent so that a retried or repeated job changes nothing the
 * second time: lock the mobile ID, revoke its certificates in the Identity Manager, revoke them at
 * the CA. Each revocation that changed something leaves an audit record in the same transaction; a
 * repeated step leaves none.
 */
@Service
public class LockService {

    private static final Logger log = LoggerFactory.getLogger(LockService.class);

    private final MobileIdService mobileIds;
    private final IdentityManager identityManager;
    private final CertificateAuthority ca;
    private final AuditTrail auditTrail;
    private final LockClaimService claims;

    LockService(
            MobileIdService mobileIds,
            IdentityManager identityManager,
            CertificateAuthority ca,
            AuditTrail auditTrail,
            LockClaimService claims) {
        this.mobileIds = mobileIds;
        this.identityManager = identityManager;
        this.ca = ca;
        this.auditTrail = auditTrail;
        this.claims = claims;
    }

    /**
     * Each step first makes sure that the request is the one its process instance claimed: see
     * {@link LockClaimService#requireClaimed}.
     */
    @Transactional
    public LockResult lock(LockRequest request, String processInstanceId) {
        claims.requireClaimed(request, processInstanceId);
        return mobileIds.lock(request.mobileId(), request.requestedBy(), request.reason());
    }

    /**
     * @return the certificates this call revoked; none when they were revoked already
     */
    @Transactional
    public List<IdmCertificate> revokeInIdentityManager(
            LockRequest request, String processInstanceId) {
        claims.requireClaimed(request, processInstanceId);
        List<IdmCertificate> revoked =
                identityManager.revokeAll(request.mobileId(), request.reason());

        revoked.forEach(
                c ->
                        auditTrail.record(
                                request.requestedBy(),
                                AuditEntry.REVOKE_IN_IDENTITY_MANAGER,
                                request.mobileId(),
                                c.serialNumber(),
                                request.reason().rfcName(),
                                "revoked"));
        return revoked;
    }

    /**
     * Revokes every certificate the Identity Manager knows for the mobile ID at the CA. A failure
     * of the CA propagates, so that the job is retried; serials revoked before the failure answer
     * {@link RevocationOutcome#ALREADY_REVOKED} on the retry.
     *
     * @return what the CA did, by serial number (hex)
     */
    @Transactional
    public Map<String, RevocationOutcome> revokeAtCa(
            LockRequest request, String processInstanceId) {
        claims.requireClaimed(request, processInstanceId);
        var outcomes = new LinkedHashMap<String, RevocationOutcome>();
        for (IdmCertificate certificate : identityManager.certificatesOf(request.mobileId())) {
            RevocationOutcome outcome =
                    ca.revoke(certificate.serial(), request.reason(), request.invalidityDate());
            outcomes.put(certificate.serialNumber(), outcome);
            if (outcome != RevocationOutcome.ALREADY_REVOKED) {
                auditTrail.record(
                        request.requestedBy(),
                        AuditEntry.REVOKE_AT_CA,
                        request.mobileId(),
                        certificate.serialNumber(),
                        request.reason().rfcName(),
                        outcome.name().toLowerCase(Locale.ROOT));
            }

            log.info(
                    "Certificate revocation at CA requested: mobileId={}, serialNumber={},"
                            + " reason={}, outcome={}, requestedBy={}",
                    request.mobileId(),
                    certificate.serialNumber(),
                    request.reason().rfcName(),
                    outcome,
                    request.requestedBy());
        }
        return outcomes;
    }
}
