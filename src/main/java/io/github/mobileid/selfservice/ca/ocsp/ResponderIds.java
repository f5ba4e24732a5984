package io.github.mobileid.selfservice.ca.ocsp;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Responder IDs: the SHA-1 hash of the responder's public key (RFC 6960, section 4.2.1). */
final class ResponderIds {

    private ResponderIds() {}

    static RespID byKeyHash(X509CertificateHolder certificate) {
        try {
            return new RespID(certificate.getSubjectPublicKeyInfo(), sha1());
        } catch (OCSPException e) {
            throw new IllegalStateException("The responder ID cannot be computed", e);
        }
    }

    static DigestCalculator sha1() {
        try {
            return new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("The JVM has no SHA-1", e);
        }
    }
}
