package io.github.mobileid.selfservice.ca;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CRLReason codes of RFC 5280, section 5.3.1, named as the RFC names them. Code 7 is not
 * assigned and {@code removeFromCRL} only appears in delta CRLs, so neither can be chosen for a
 * revocation.
 */
public enum RevocationReason {
    UNSPECIFIED("unspecified", 0),
    KEY_COMPROMISE("keyCompromise", 1),
    CA_COMPROMISE("cACompromise", 2),
    AFFILIATION_CHANGED("affiliationChanged", 3),
    SUPERSEDED("superseded", 4),
    CESSATION_OF_OPERATION("cessationOfOperation", 5),
    CERTIFICATE_HOLD("certificateHold", 6),
    PRIVILEGE_WITHDRAWN("privilegeWithdrawn", 9),
    AA_COMPROMISE("aACompromise", 10);

    private final String rfcName;
    private final int code;

    RevocationReason(String rfcName, int code) {
        this.rfcName = rfcName;
        this.code = code;
    }

    public String rfcName() {
        return rfcName;
    }

    public int code() {
        return code;
    }

    public static Optional<RevocationReason> fromRfcName(String name) {
        return Arrays.stream(values()).filter(r -> r.rfcName.equals(name)).findFirst();
    }

    /**
     * The reason for a name given by a user or a caller.
     *
     * @throws IllegalArgumentException naming the accepted names, for an unknown name
     */
    public static RevocationReason parse(String name) {
        if (name == null || name.isBlank()) {
            return UNSPECIFIED;
        }
        return fromRfcName(name)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "Unknown revocation reason '"
                                                + name
                                                + "'; expected one of "
                                                + Arrays.stream(values())
                                                        .map(RevocationReason::rfcName)
                                                        .toList()));
    }

    public static Optional<RevocationReason> fromCode(int code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst();
    }
}
