package io.github.mobileid.selfservice.ca.ocsp;

import java.time.Instant;
import java.util.function.Supplier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.ContentSigner;

/**
 * What signs OCSP responses: a signer per response (content signers are not thread-safe), the
 * responder ID by key hash, and the certificates to send along.
 *
 * @param certificates empty when the CA signs itself; the delegated responder certificate
 *     otherwise, so that the relying party can check it was issued by the CA for OCSP signing
 * @param renewAfter when to certify a new responder key, or null for never
 */
record ResponderCredentials(
        Supplier<ContentSigner> signer,
        RespID responderId,
        X509CertificateHolder[] certificates,
        Instant renewAfter) {}
