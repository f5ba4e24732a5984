package io.github.mobileid.selfservice.issue;

import static io.github.mobileid.selfservice.issue.ActivationRefusedException.Reason.BAD_REQUEST;
import static io.github.mobileid.selfservice.issue.ActivationRefusedException.Reason.CODE_EXPIRED;
import static io.github.mobileid.selfservice.issue.ActivationRefusedException.Reason.CODE_USED;
import static io.github.mobileid.selfservice.issue.ActivationRefusedException.Reason.OTHER_MOBILE_ID_ACTIVE;
import static io.github.mobileid.selfservice.issue.ActivationRefusedException.Reason.UNKNOWN_CODE;

import io.github.mobileid.selfservice.ca.CertificateAuthority;
import io.github.mobileid.selfservice.ca.CertificateType;
import io.github.mobileid.selfservice.ca.IssueRequest;
import io.github.mobileid.selfservice.idm.IdentityManager;
import io.github.mobileid.selfservice.idm.IdmCertificate;
import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdService;
import io.github.mobileid.selfservice.mobileid.MobileIdState;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The device's side of "Get mobile ID": with its activation code and one PKCS#10 request per
 * certificate type, the device has the CA certify its own public keys; the certificates are
 * recorded in the Identity Manager, the mobile ID becomes active and the waiting process instance
 * receives {@code Msg_MobileIdActivated}.
 *
 * <p>All of it happens in one transaction: a refused activation (a wrong, used or expired code, a
 * bad request, a process that no longer waits) changes nothing, and the code stays usable when the
 * request itself was at fault.
 */
@Service
public class ActivationService {

    public static final String MESSAGE = "Msg_MobileIdActivated";

    private static final Logger log = LoggerFactory.getLogger(ActivationService.class);

    private final ActivationCodeRepository codes;
    private final MobileIdService mobileIds;
    private final CertificateAuthority ca;
    private final IdentityManager identityManager;
    private final RuntimeService runtimeService;
    private final Clock clock;

    ActivationService(
            ActivationCodeRepository codes,
            MobileIdService mobileIds,
            CertificateAuthority ca,
            IdentityManager identityManager,
            RuntimeService runtimeService,
            Clock clock) {
        this.codes = codes;
        this.mobileIds = mobileIds;
        this.ca = ca;
        this.identityManager = identityManager;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** What an activation made: the active mobile ID and its new certificates. */
    public record Activation(MobileId mobileId, List<IdmCertificate> certificates) {}

    /**
     * Activates the registered mobile ID that the code belongs to.
     *
     * @param certificateRequests PKCS#10 PEM by certificate type ({@code authentication}, {@code
     *     signature}, optionally {@code encryption})
     * @throws ActivationRefusedException when the activation is refused; nothing changed then
     */
    @Transactional
    public Activation activate(String code, Map<String, String> certificateRequests) {
        if (code == null || code.isBlank()) {
            throw new ActivationRefusedException(BAD_REQUEST, "activationCode is required");
        }
        Map<CertificateType, PublicKey> keys =
                CertificationRequests.publicKeys(certificateRequests);

        var stored =
                codes.findForUpdate(ActivationCode.hash(code))
                        .orElseThrow(
                                () ->
                                        new ActivationRefusedException(
                                                UNKNOWN_CODE,
                                                "Unknown activation code: check what you typed"));
        MobileId mobileId = mobileIds.get(stored.mobileId());
        if (stored.usedAt() != null || mobileId.state() != MobileIdState.REGISTERED) {
            throw new ActivationRefusedException(
                    CODE_USED, "This activation code was used already; get a new mobile ID");
        }
        Instant now = clock.instant();
        if (!now.isBefore(stored.expiresAt())) {
            throw expired(stored.expiresAt());
        }
        // Two codes of one user (two Get mobile ID started before either was activated) give at
        // most one active mobile ID: the user's rows are locked, so activations are decided in
        // turn.
        boolean otherActive =
                mobileIds.findByUserForUpdate(mobileId.userId()).stream()
                        .anyMatch(m -> m.state() == MobileIdState.ACTIVE);
        if (otherActive) {
            throw new ActivationRefusedException(
                    OTHER_MOBILE_ID_ACTIVE,
                    "Another mobile ID of this user is active; lock it before activating this one");
        }

        var certificates = new ArrayList<IdmCertificate>();
        keys.forEach(
                (type, key) ->
                        certificates.add(
                                identityManager.register(
                                        mobileId.id(),
                                        type,
                                        ca.issue(
                                                new IssueRequest(
                                                        mobileId.userId(),
                                                        mobileId.id(),
                                                        type,
                                                        key)))));
        codes.markUsed(mobileId.id(), now);
        MobileId active = mobileIds.activate(mobileId.id());
        notifyProcess(mobileId, stored.expiresAt());

        log.info(
                "Mobile ID activated by device: mobileId={}, userId={}, certificates={}",
                mobileId.id(),
                mobileId.userId(),
                certificates.size());
        return new Activation(active, certificates);
    }

    private void notifyProcess(MobileId mobileId, Instant expiresAt) {
        boolean waiting =
                runtimeService
                                .createExecutionQuery()
                                .messageEventSubscriptionName(MESSAGE)
                                .processVariableValueEquals(
                                        GetMobileIdService.NEW_MOBILE_ID, mobileId.id())
                                .count()
                        > 0;
        if (!waiting) {
            // The timer ended the process before the clocks agreed the code expired: the
            // exception rolls back the certificates made above.
            throw expired(expiresAt);
        }
        runtimeService
                .createMessageCorrelation(MESSAGE)
                .processInstanceVariableEquals(GetMobileIdService.NEW_MOBILE_ID, mobileId.id())
                .correlateWithResult();
    }

    private static ActivationRefusedException expired(Instant expiresAt) {
        return new ActivationRefusedException(
                CODE_EXPIRED,
                "This activation code expired at %s; get a new mobile ID".formatted(expiresAt));
    }
}
