package io.github.mobileid.selfservice.idm;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The Identity Manager's state of a certificate. */
public enum IdmCertificateState {
    VALID("valid"),
    ON_HOLD("on_hold"),
    REVOKED("revoked"),
    EXPIRED("expired");

    private final String value;

    IdmCertificateState(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static IdmCertificateState of(String value) {
        return Arrays.stream(values())
                .filter(s -> s.value.equals(value))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("Unknown certificate state: " + value));
    }
}
