package io.github.mobileid.selfservice.ca;

/** The CA could not do what was asked; the request may succeed when retried. */
public class CertificateAuthorityException extends RuntimeException {

    public CertificateAuthorityException(String message, Throwable cause) {
        super(message, cause);
    }

    public CertificateAuthorityException(String message) {
        super(message);
    }
}
