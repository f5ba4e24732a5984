package io.github.mobileid.selfservice.mobileid;

/** A state change that the life cycle of a mobile ID does not allow. */
public class IllegalMobileIdTransitionException extends RuntimeException {

    public IllegalMobileIdTransitionException(
            String mobileId, MobileIdState from, MobileIdState to) {
        super(
                "Mobile ID '%s' cannot go from %s to %s"
                        .formatted(mobileId, from.value(), to.value()));
    }
}
