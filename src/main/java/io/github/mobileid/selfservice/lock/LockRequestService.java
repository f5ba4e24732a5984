package io.github.mobileid.selfservice.lock;

import static io.github.mobileid.selfservice.lock.LockVariables.CONFIRMATION_REQUIRED;
import static io.github.mobileid.selfservice.lock.LockVariables.GET_NEW_MOBILE_ID;
import static io.github.mobileid.selfservice.lock.LockVariables.MOBILE_ID;
import static io.github.mobileid.selfservice.lock.LockVariables.REASON;
import static io.github.mobileid.selfservice.lock.LockVariables.REQUESTED_BY;
import static io.github.mobileid.selfservice.lock.LockVariables.USER_ID;

import io.github.mobileid.selfservice.ca.RevocationReason;
import io.github.mobileid.selfservice.idm.IdentityManager;
import io.github.mobileid.selfservice.idm.IdmCertificate;
import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdService;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;

/**
 * The rules of a lock request before anything changes: the defaults of each way to start the lock,
 * and the check that refuses a bad request and finds the state of the mobile ID.
 */
@Service
public class LockRequestService {

    private static final String TASKLIST_OWN_ONLY =
            "A lock started from Tasklist is for the logged-in user's own mobile ID; other systems"
                    + " start the lock by the message Msg_LockMobileID";

    private final MobileIdService mobileIds;
    private final IdentityManager identityManager;
    private final Clock clock;

    LockRequestService(MobileIdService mobileIds, IdentityManager identityManager, Clock clock) {
        this.mobileIds = mobileIds;
        this.identityManager = identityManager;
        this.clock = clock;
    }

    /**
     * The defaults of a start from Tasklist: the logged-in user locks their own active mobile ID
     * and confirms it. A start without a logged-in user (from Java code) must name the userId. When
     * the user has several active mobile IDs, the oldest is chosen; a caller that means another one
     * passes mobileId.
     *
     * @param authenticatedUserId the logged-in user, or null
     * @param calledByProcess whether a calling process (Get mobile ID, which asked the user
     *     already) starts the lock, rather than the user
     * @return the variables to set; the given ones are never overwritten
     * @throws BadUserRequestException when the logged-in user asks for another user's lock, or to
     *     skip the confirmation
     */
    public Map<String, Object> tasklistDefaults(
            String authenticatedUserId, boolean calledByProcess, Map<String, Object> variables) {
        var defaults = new HashMap<String, Object>();
        if (authenticatedUserId != null) {
            requireSameOrAbsent(variables, USER_ID, authenticatedUserId, TASKLIST_OWN_ONLY);
            requireSameOrAbsent(variables, REQUESTED_BY, authenticatedUserId, TASKLIST_OWN_ONLY);
            if (!calledByProcess && Boolean.FALSE.equals(variables.get(CONFIRMATION_REQUIRED))) {
                throw new BadUserRequestException(
                        "A lock started from Tasklist waits for the owner's confirmation;"
                                + " confirmationRequired may not be false");
            }
            defaults.put(USER_ID, authenticatedUserId);
            defaults.put(REQUESTED_BY, authenticatedUserId);
        }
        defaults.put(CONFIRMATION_REQUIRED, true);
        return withCommonDefaults(defaults, variables);
    }

    /**
     * The defaults of a start by the message {@code Msg_LockMobileID}: no confirmation, and the
     * request is recorded as made by the authenticated caller, else by the owner. A caller who may
     * not act for others (a self-service user) may send it only for their own mobile IDs, and only
     * as themselves.
     *
     * @param authenticatedUserId the caller of the engine, or null for the engine itself (a calling
     *     process, Java code)
     * @param callerMayActForOthers whether the caller is an operator or an admin
     * @return the variables to set; the given ones are never overwritten
     * @throws BadUserRequestException when a self-service user names another user
     */
    public Map<String, Object> messageDefaults(
            String authenticatedUserId,
            boolean callerMayActForOthers,
            Map<String, Object> variables) {
        if (authenticatedUserId != null && !callerMayActForOthers) {
            requireSameOrAbsent(
                    variables,
                    USER_ID,
                    authenticatedUserId,
                    "A self-service user may lock only their own mobile IDs");
            requireSameOrAbsent(
                    variables,
                    REQUESTED_BY,
                    authenticatedUserId,
                    "A self-service user's lock is requested by that user");
        }
        var defaults = new HashMap<String, Object>();
        if (authenticatedUserId != null) {
            defaults.put(REQUESTED_BY, authenticatedUserId);
        }
        defaults.put(CONFIRMATION_REQUIRED, false);
        return withCommonDefaults(defaults, variables);
    }

    /**
     * Checks a lock request and finds the state of its mobile ID. An unknown mobile ID, or an owner
     * without an active one, is answered as {@code unknown} so that the process ends without a
     * change.
     *
     * @throws BadUserRequestException for a request that must not start: see {@link LockRequest#of}
     *     and a mobile ID that belongs to another user
     */
    public LockCheck check(Map<String, Object> variables) {
        LockRequest request = LockRequest.of(variables);
        if (request.invalidityDate() != null && request.invalidityDate().isAfter(clock.instant())) {
            throw new BadUserRequestException(
                    "The variable invalidityDate %s lies in the future"
                            .formatted(request.invalidityDate()));
        }
        LockResultRequest.of(variables);
        if (request.mobileId() == null) {
            return LockCheck.unknown();
        }

        // The row stays locked until the start's transaction ends: see LockClaimService.
        Optional<MobileId> found = mobileIds.findForUpdate(request.mobileId());
        if (found.isEmpty()) {
            return LockCheck.unknown();
        }
        MobileId mobileId = found.get();
        if (!mobileId.isOwnedBy(request.userId())) {
            throw new BadUserRequestException(
                    "Mobile ID '%s' does not belong to user '%s'"
                            .formatted(mobileId.id(), request.userId()));
        }
        return new LockCheck(
                mobileId.state().value(),
                mobileId.displayName(),
                summary(identityManager.certificatesOf(mobileId.id())));
    }

    private Map<String, Object> withCommonDefaults(
            Map<String, Object> defaults, Map<String, Object> variables) {
        Object userId =
                variables.get(USER_ID) == null ? defaults.get(USER_ID) : variables.get(USER_ID);
        if (userId instanceof String owner) {
            defaults.put(REQUESTED_BY, defaults.getOrDefault(REQUESTED_BY, owner));
            if (variables.get(MOBILE_ID) == null) {
                mobileIds
                        .findActive(owner)
                        .ifPresent(active -> defaults.put(MOBILE_ID, active.id()));
            }
        }
        defaults.put(REASON, RevocationReason.UNSPECIFIED.rfcName());
        defaults.put(GET_NEW_MOBILE_ID, false);

        // Given variables win over every default, and their types are checked afterwards.
        defaults.keySet().removeIf(name -> variables.get(name) != null);
        return defaults;
    }

    private static void requireSameOrAbsent(
            Map<String, Object> variables, String name, String authenticatedUserId, String rule) {
        Object given = variables.get(name);
        if (given != null && !given.equals(authenticatedUserId)) {
            throw new BadUserRequestException(
                    "%s: %s '%s' is not '%s'".formatted(rule, name, given, authenticatedUserId));
        }
    }

    private static String summary(List<IdmCertificate> certificates) {
        return certificates.stream()
                .map(
                        c ->
                                "- %s certificate, serial number %s, valid until %s: %s"
                                        .formatted(
                                                c.type().value(),
                                                c.serialNumber(),
                                                c.notAfter().atOffset(ZoneOffset.UTC).toLocalDate(),
                                                c.state().value()))
                .collect(Collectors.joining("\n"));
    }
}
