package io.github.mobileid.selfservice.ca.ocsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** OCSP requests as a relying party builds them, and readers of the responses. */
final class OcspTestRequests {

    private OcspTestRequests() {}

    static CertificateID certificateId(X509Certificate issuer, BigInteger serial) {
        try {
            return new CertificateID(
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer),
                    serial);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request for one serial, with an OpenSSL-style nonce (an OCTET STRING in the value). */
    static byte[] request(X509Certificate issuer, BigInteger serial, byte[] nonce) {
        try {
            var builder = new OCSPReqBuilder().addRequest(certificateId(issuer, serial));
            if (nonce != null) {
                builder.setRequestExtensions(
                        new Extensions(
                                new Extension(
                                        OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                                        false,
                                        new DEROctetString(nonce).getEncoded())));
            }
            return builder.build().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static OCSPResp parse(byte[] response) {
        try {
            return new OCSPResp(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BasicOCSPResp basic(byte[] response) {
        try {
            return (BasicOCSPResp) parse(response).getResponseObject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static SingleResp single(byte[] response) {
        SingleResp[] responses = basic(response).getResponses();
        if (responses.length != 1) {
            throw new AssertionError("expected one single response, got " + responses.length);
        }
        return responses[0];
    }
}
