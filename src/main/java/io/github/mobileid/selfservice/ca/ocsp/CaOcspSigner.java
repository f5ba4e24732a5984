package io.github.mobileid.selfservice.ca.ocsp;

import io.github.mobileid.selfservice.ca.CaSigner;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.RespID;

/** Signs OCSP responses with the CA key (RFC 6960, section 4.2.2.2: the CA itself). */
final class CaOcspSigner implements OcspSigner {

    private final ResponderCredentials credentials;

    CaOcspSigner(CaSigner ca) {
        RespID responderId = ResponderIds.byKeyHash(ca.certificateHolder());
        this.credentials =
                new ResponderCredentials(
                        ca::contentSigner, responderId, new X509CertificateHolder[0], null);
    }

    @Override
    public ResponderCredentials credentials() {
        return credentials;
    }
}
