package io.github.mobileid.selfservice.issue;

import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rules of the process "Get mobile ID" ({@code MobileIDSelfServiceProcGet}). */
@Service
public class GetMobileIdService {

    public static final String USER_ID = "userId";
    public static final String DISPLAY_NAME = "displayName";
    public static final String ACTIVE_MOBILE_ID = "activeMobileId";
    public static final String ACTIVE_MOBILE_ID_DISPLAY_NAME = "activeMobileIdDisplayName";
    public static final String NEW_MOBILE_ID = "newMobileId";
    public static final String ACTIVATION_CODE = "activationCode";
    public static final String ACTIVATION_QR_CODE = "activationQrCode";
    public static final String ACTIVATION_EXPIRES_AT = "activationExpiresAt";
    public static final String ACTIVATION_EXPIRES_AT_TEXT = "activationExpiresAtText";

    private static final Logger log = LoggerFactory.getLogger(GetMobileIdService.class);
    private static final DateTimeFormatter EXPIRY_TEXT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final MobileIdService mobileIds;
    private final ActivationCodeRepository codes;
    private final ActivationQrCode qrCode;
    private final ActivationProperties properties;
    private final Clock clock;

    GetMobileIdService(
            MobileIdService mobileIds,
            ActivationCodeRepository codes,
            ActivationQrCode qrCode,
            ActivationProperties properties,
            Clock clock) {
        this.mobileIds = mobileIds;
        this.codes = codes;
        this.qrCode = qrCode;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The defaults of a start: the mobile ID is for the logged-in user, who may ask only for their
     * own when starting the process directly; a calling process (the lock) names the user.
     *
     * @param authenticatedUserId the logged-in user, or null
     * @param calledByProcess whether another process instance called this one
     * @return the variables to set
     * @throws BadUserRequestException without a user, or for another user's mobile ID
     */
    public Map<String, Object> defaults(
            String authenticatedUserId, boolean calledByProcess, Map<String, Object> variables) {
        var defaults = new HashMap<String, Object>();
        Object userId = variables.get(USER_ID);
        if (userId == null) {
            if (authenticatedUserId == null) {
                throw new BadUserRequestException(
                        "The variable userId (String, who gets the mobile ID) is required");
            }
            defaults.put(USER_ID, authenticatedUserId);
        } else if (!(userId instanceof String)) {
            throw new BadUserRequestException(
                    "The variable userId must be a String, not a "
                            + userId.getClass().getSimpleName());
        } else if (!calledByProcess
                && authenticatedUserId != null
                && !authenticatedUserId.equals(userId)) {
            throw new BadUserRequestException(
                    "A user gets a mobile ID only for themselves: userId '%s' is not '%s'"
                            .formatted(userId, authenticatedUserId));
        }

        Object displayName = variables.get(DISPLAY_NAME);
        if (displayName == null) {
            defaults.put(
                    DISPLAY_NAME, "Mobile ID " + LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        } else if (!(displayName instanceof String)) {
            throw new BadUserRequestException("The variable displayName must be a String");
        }
        return defaults;
    }

    /**
     * "Find active mobile ID": the user's active mobile ID, which must be locked before a new one
     * is issued, as variables for the gateway and the form that offers the lock.
     */
    public Map<String, Object> activeMobileIdVariables(String userId) {
        Optional<MobileId> active = mobileIds.findActive(userId);
        var variables = new HashMap<String, Object>();
        variables.put(ACTIVE_MOBILE_ID, active.map(MobileId::id).orElse(null));
        variables.put(
                ACTIVE_MOBILE_ID_DISPLAY_NAME, active.map(MobileId::displayName).orElse(null));
        return variables;
    }

    /**
     * "Register mobile ID": a new mobile ID in state registered with a single-use activation code,
     * of which only a hash is stored. The code, its QR code and its expiry are answered as
     * variables for the user's form.
     *
     * @throws BadUserRequestException while the user has an active mobile ID
     */
    @Transactional
    public Map<String, Object> register(String userId, String displayName) {
        mobileIds
                .findActive(userId)
                .ifPresent(
                        active -> {
                            throw new BadUserRequestException(
                                    ("User '%s' has the active mobile ID '%s': lock it before"
                                                    + " getting a new one")
                                            .formatted(userId, active.id()));
                        });

        MobileId mobileId = mobileIds.register(userId, displayName);
        String code = ActivationCode.newCode();
        Instant expiresAt = clock.instant().plus(properties.getCodeValidity());
        codes.insert(mobileId.id(), ActivationCode.hash(code), expiresAt);
        log.info(
                "Activation code made: mobileId={}, userId={}, expiresAt={}",
                mobileId.id(),
                userId,
                expiresAt);

        var variables = new HashMap<String, Object>();
        variables.put(NEW_MOBILE_ID, mobileId.id());
        variables.put(ACTIVATION_CODE, code);
        variables.put(ACTIVATION_QR_CODE, qrCode.pngDataUri(code));
        variables.put(ACTIVATION_EXPIRES_AT, Date.from(expiresAt));
        variables.put(ACTIVATION_EXPIRES_AT_TEXT, EXPIRY_TEXT.format(expiresAt));
        return variables;
    }

    /** When the activation code of a registered mobile ID expires, if it has one. */
    public Optional<Instant> activationExpiryOf(String mobileId) {
        return codes.expiryOf(mobileId);
    }
}
