package io.github.mobileid.selfservice.ca;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

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
    static final MediaType PKIX_CERT = MediaType.parseMediaType("application/pkix-cert");
    static final MediaType PEM_FILE = MediaType.parseMediaType("application/x-pem-file");

    private final CertificateAuthority ca;

    CaController(CertificateAuthority ca) {
        this.ca = ca;
    }

    /** The CA certificate: PEM unless the caller asks for DER with {@code ?format=der}. */
    @GetMapping(CERTIFICATE_PATH)
    ResponseEntity<byte[]> certificate(
            @RequestParam(name = "format", required = false) String format) {
        X509Certificate certificate = ca.caCertificate();
        if (isPem(format == null ? "pem" : format, "certificate")) {
            return ResponseEntity.ok()
                    .contentType(PEM_CERTIFICATE)
                    .body(Certificates.toPem(certificate).getBytes(StandardCharsets.US_ASCII));
        }
        try {
            return ResponseEntity.ok().contentType(PKIX_CERT).body(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new CertificateAuthorityException("The CA certificate cannot be encoded", e);
        }
    }

    /**
     * The current CRL: DER ({@code application/pkix-crl}) unless the caller asks for PEM with
     * {@code ?format=pem} or with {@code Accept: application/x-pem-file} (and not also {@code
     * application/pkix-crl}).
     */
    @GetMapping(CRL_PATH)
    ResponseEntity<byte[]> crl(
            @RequestParam(name = "format", required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        byte[] der = ca.currentCrl();
        if (!wantsPem(format, accept)) {
            return ResponseEntity.ok().contentType(PKIX_CRL).body(der);
        }
        String pem =
                "-----BEGIN X509 CRL-----\n"
                        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                        + "\n-----END X509 CRL-----\n";
        return ResponseEntity.ok()
                .contentType(PEM_FILE)
                .body(pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean isPem(String format, String what) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "pem" -> true;
            case "der" -> false;
            default ->
                    throw new ResponseStatusException(
                            HttpStatus.BAD_REQUEST,
                            "Unknown %s format '%s'; expected pem or der".formatted(what, format));
        };
    }

    private static boolean wantsPem(String format, String accept) {
        if (format != null) {
            return isPem(format, "CRL");
        }
        if (accept == null) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return types.stream().anyMatch(PEM_FILE::equalsTypeAndSubtype)
                && types.stream().noneMatch(PKIX_CRL::equalsTypeAndSubtype);
    }
}
