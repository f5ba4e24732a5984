package io.github.mobileid.selfservice.ca;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The certificate profiles of a mobile ID. */
public enum CertificateType {
    AUTHENTICATION("authentication"),
    SIGNATURE("signature"),
    ENCRYPTION("encryption");

    private final String value;

    CertificateType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static CertificateType of(String value) {
        return Arrays.stream(values())
                .filter(t -> t.value.equals(value))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("Unknown certificate type: " + value));
    }
}
