package io.github.mobileid.selfservice.ca.ocsp;

/** The key that signs OCSP responses: the CA key itself, or a delegated responder key. */
interface OcspSigner {

    ResponderCredentials credentials();
}
