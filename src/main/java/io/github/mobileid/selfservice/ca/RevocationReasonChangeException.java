package io.github.mobileid.selfservice.ca;

import java.math.BigInteger;

/**
 * A revoked certificate was to be revoked again with another reason than the one it has. The only
 * change of reason a CA allows afterwards is to {@code keyCompromise}; retrying does not help.
 */
public class RevocationReasonChangeException extends RuntimeException {

    public RevocationReasonChangeException(
            BigInteger serialNumber, RevocationReason current, RevocationReason requested) {
        super(
                "Certificate serialNumber="
                        + serialNumber.toString(16)
                        + " is revoked with reason "
                        + current.rfcName()
                        + "; it cannot be changed to "
                        + requested.rfcName()
                        + " (only a change to keyCompromise is allowed)");
    }
}
