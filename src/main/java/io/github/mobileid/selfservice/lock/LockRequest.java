package io.github.mobileid.selfservice.lock;

import static io.github.mobileid.selfservice.lock.LockVariables.CONFIRMATION_REQUIRED;
import static io.github.mobileid.selfservice.lock.LockVariables.GET_NEW_MOBILE_ID;
import static io.github.mobileid.selfservice.lock.LockVariables.INVALIDITY_DATE;
import static io.github.mobileid.selfservice.lock.LockVariables.MOBILE_ID;
import static io.github.mobileid.selfservice.lock.LockVariables.REASON;
import static io.github.mobileid.selfservice.lock.LockVariables.REQUESTED_BY;
import static io.github.mobileid.selfservice.lock.LockVariables.USER_ID;

import io.github.mobileid.selfservice.ca.RevocationReason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A request to lock a mobile ID, read from the process variables with their types checked.
 *
 * @param mobileId null when the owner has no active mobile ID to default to
 * @param invalidityDate null unless the caller knows since when the key may be compromised
 */
public record LockRequest(
        String mobileId,
        String userId,
        String requestedBy,
        RevocationReason reason,
        Instant invalidityDate,
        boolean getNewMobileId,
        boolean confirmationRequired) {

    /**
     * The reasons a lock may give. A lock is final, so {@code certificateHold} (a temporary
     * revocation) does not fit, and the compromise of a CA or attribute authority is not a user's
     * reason.
     */
    static final Set<RevocationReason> LOCK_REASONS =
            EnumSet.of(
                    RevocationReason.UNSPECIFIED,
                    RevocationReason.KEY_COMPROMISE,
                    RevocationReason.AFFILIATION_CHANGED,
                    RevocationReason.SUPERSEDED,
                    RevocationReason.CESSATION_OF_OPERATION,
                    RevocationReason.PRIVILEGE_WITHDRAWN);

    /**
     * Reads a lock request from process variables.
     *
     * @throws BadUserRequestException naming the variable, for a missing userId, a variable of the
     *     wrong type, an unknown or unfit reason or an unreadable invalidity date
     */
    public static LockRequest of(Map<String, Object> variables) {
        String userId = string(variables, USER_ID);
        if (userId == null || userId.isBlank()) {
            throw new BadUserRequestException(
                    "The variable userId (String, the owner of the mobile ID) is required");
        }
        String requestedBy = string(variables, REQUESTED_BY);

        return new LockRequest(
                string(variables, MOBILE_ID),
                userId,
                requestedBy == null ? userId : requestedBy,
                reason(string(variables, REASON)),
                invalidityDate(variables.get(INVALIDITY_DATE)),
                bool(variables, GET_NEW_MOBILE_ID, false),
                bool(variables, CONFIRMATION_REQUIRED, false));
    }

    /**
     * A SHA-256 fingerprint of what this request locks and records: mobile ID, owner, who asked,
     * reason and invalidity date. The claim keeps it, so that a step can tell whether the request
     * is still the one that was checked.
     */
    String fingerprint() {
        String fields =
                String.join(
                        "\n",
                        String.valueOf(mobileId),
                        userId,
                        requestedBy,
                        reason.rfcName(),
                        String.valueOf(invalidityDate));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(fields.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }

    private static String string(Map<String, Object> variables, String name) {
        Object value = variables.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw wrongType(name, "String", value);
    }

    private static boolean bool(Map<String, Object> variables, String name, boolean otherwise) {
        Object value = variables.get(name);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw wrongType(name, "Boolean", value);
    }

    private static RevocationReason reason(String name) {
        RevocationReason reason;
        try {
            reason = RevocationReason.parse(name);
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException("The variable reason is invalid: " + e.getMessage());
        }
        if (!LOCK_REASONS.contains(reason)) {
            throw new BadUserRequestException(
                    "The variable reason '%s' does not fit a lock; expected one of %s"
                            .formatted(
                                    name,
                                    LOCK_REASONS.stream().map(RevocationReason::rfcName).toList()));
        }
        return reason;
    }

    private static Instant invalidityDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String text) {
            try {
                return text.length() == 10
                        ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new BadUserRequestException(
                        "The variable invalidityDate '%s' is not an ISO-8601 date or date-time"
                                .formatted(text));
            }
        }
        throw wrongType(INVALIDITY_DATE, "Date or ISO-8601 String", value);
    }

    private static BadUserRequestException wrongType(String name, String type, Object value) {
        return new BadUserRequestException(
                "The variable %s must be a %s, not a %s"
                        .formatted(name, type, value.getClass().getSimpleName()));
    }
}
