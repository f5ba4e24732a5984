package io.github.mobileid.selfservice.ca;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the certificate authority ({@code mobileid.ca.*}).
 *
 * @param type which CA the application uses; {@code built-in} (the default) is the BouncyCastle CA
 *     of this package, any other value leaves the {@link CertificateAuthority} bean to another
 *     module
 * @param keystorePath the PKCS#12 key store of the CA key and certificate; created on first start
 * @param keystorePassword the password of that key store
 * @param publicUrl the base URL relying parties reach this application at; certificates point to
 *     {@code <publicUrl>/ca/crl}, {@code <publicUrl>/ocsp} and {@code <publicUrl>/ca/certificate}
 * @param subjectDn the CA's distinguished name (RFC 4514 string), used when the key store is made
 * @param caValidity how long the self-signed CA certificate is valid, from its creation
 * @param endEntityValidity how long an issued certificate is valid (never beyond the CA's own)
 * @param crlNextUpdate the gap between a CRL's {@code thisUpdate} and {@code nextUpdate}
 * @param ocsp the OCSP responder
 */
@Validated
@ConfigurationProperties("mobileid.ca")
public record CaProperties(
        @DefaultValue("built-in") String type,
        @NotNull Path keystorePath,
        @NotBlank String keystorePassword,
        @NotBlank String publicUrl,
        @DefaultValue("CN=Mobile ID Self-Service Demo CA,O=Mobile ID Self-Service")
                String subjectDn,
        @DefaultValue("P3650D") Duration caValidity,
        @DefaultValue("P730D") Duration endEntityValidity,
        @DefaultValue("PT24H") Duration crlNextUpdate,
        @DefaultValue Ocsp ocsp) {

    /** The public base URL without a trailing slash. */
    public String baseUrl() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * The OCSP responder ({@code mobileid.ca.ocsp.*}).
     *
     * @param signer {@code ca} signs responses with the CA key; {@code delegated} signs them with a
     *     key of its own, certified by the CA for OCSP signing only
     * @param nextUpdate the gap between a response's {@code thisUpdate} and {@code nextUpdate}
     * @param delegatedValidity how long a delegated OCSP signing certificate is valid; a node
     *     certifies a new key once half of it has passed
     * @param responseCacheTtl how long a signed response to a nonce-free request is served again
     *     while the certificate's record is unchanged; zero signs every response
     */
    public record Ocsp(
            @DefaultValue("ca") Signer signer,
            @DefaultValue("PT1H") Duration nextUpdate,
            @DefaultValue("P30D") Duration delegatedValidity,
            @DefaultValue("PT1M") Duration responseCacheTtl) {}

    /** Who signs OCSP responses. */
    public enum Signer {
        CA,
        DELEGATED
    }
}
