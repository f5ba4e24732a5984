package io.github.mobileid.selfservice.ca;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CA's public endpoints for relying parties: its certificate and its CRL. They need no
 * authentication; the OCSP responder has its own endpoint.
 */
@RestController
@ConditionalOnBuiltInCa
class CaController {

    static final String CERTIFICATE_PATH = "/ca/certificate";
    static final String CRL_PATH = "/ca/crl";

    static final MediaType PEM_CERTIFICATE =
            MediaType.parseMediaType("application/pem-certificate-chain");
    static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");

    private final CertificateAuthority ca;

    CaController(CertificateAuthority ca) {
        this.ca = ca;
    }

    @GetMapping(CERTIFICATE_PATH)
    ResponseEntity<String> certificate() {
        return ResponseEntity.ok()
                .contentType(PEM_CERTIFICATE)
                .body(Certificates.toPem(ca.caCertificate()));
    }

    @GetMapping(CRL_PATH)
    ResponseEntity<byte[]> crl() {
        return ResponseEntity.ok().contentType(PKIX_CRL).body(ca.currentCrl());
    }
}
