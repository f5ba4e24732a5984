package io.github.mobileid.selfservice.ca;

import java.math.BigInteger;

/** The CA never issued the serial number it was asked about. */
public class UnknownCertificateException extends RuntimeException {

    public UnknownCertificateException(BigInteger serialNumber) {
        super("The CA never issued a certificate with serialNumber=" + serialNumber.toString(16));
    }
}
