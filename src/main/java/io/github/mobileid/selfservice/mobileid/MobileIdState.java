package io.github.mobileid.selfservice.mobileid;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Set;

/**
 * The life cycle of a mobile ID. The allowed transitions are written here and nowhere else: {@code
 * registered → active}, {@code active → inactive}, {@code inactive → active} and {@code active →
 * locked}. {@code locked} is final.
 */
public enum MobileIdState {
    REGISTERED("registered"),
    ACTIVE("active"),
    INACTIVE("inactive"),
    LOCKED("locked");

    private final String value;

    MobileIdState(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public boolean canTransitionTo(MobileIdState target) {
        return successors().contains(target);
    }

    private Set<MobileIdState> successors() {
        return switch (this) {
            case REGISTERED -> Set.of(ACTIVE);
            case ACTIVE -> Set.of(INACTIVE, LOCKED);
            case INACTIVE -> Set.of(ACTIVE);
            case LOCKED -> Set.of();
        };
    }

    public static MobileIdState of(String value) {
        return Arrays.stream(values())
                .filter(s -> s.value.equals(value))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("Unknown mobile ID state: " + value));
    }
}
