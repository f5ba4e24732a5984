package io.github.mobileid.selfservice.mobileid;

/** No mobile ID has the id asked for. */
public class MobileIdNotFoundException extends RuntimeException {

    public MobileIdNotFoundException(String mobileId) {
        super("No mobile ID with id '" + mobileId + "'");
    }
}
