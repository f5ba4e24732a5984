package io.github.mobileid.selfservice.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mobileid.selfservice.idm.IdentityManager;
import io.github.mobileid.selfservice.issue.MobileIdIssuer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The CA's revocation answers as relying parties check them against the running application: the
 * real {@code openssl} binary and Java's own PKIX validator, over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RevocationCheckIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired CertificateAuthority ca;
    @Autowired MobileIdIssuer issuer;
    @Autowired IdentityManager identityManager;
    @Autowired JdbcClient jdbc;

    @TempDir Path directory;

    @BeforeEach
    void writeCaCertificate() throws Exception {
        Files.writeString(directory.resolve("ca.pem"), bodyAsText(get("/ca/certificate")));
    }

    @Test
    void afterALockWithKeyCompromiseOpenSslOcspReportsEveryCertificateRevoked() throws Exception {
        List<X509Certificate> certificates = lockedMobileIdCertificates();

        for (X509Certificate certificate : certificates) {
            Files.writeString(directory.resolve("cert.pem"), Certificates.toPem(certificate));
            OpenSsl.Result result =
                    OpenSsl.run(
                            directory,
                            "ocsp",
                            "-issuer",
                            "ca.pem",
                            "-cert",
                            "cert.pem",
                            "-CAfile",
                            "ca.pem",
                            "-url",
                            url("/ocsp"),
                            "-nonce");

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output())
                    .contains("Response verify OK")
                    .contains("cert.pem: revoked")
                    .contains("Reason: keyCompromise")
                    .doesNotContain("WARNING: no nonce");
        }
    }

    @Test
    void afterALockWithKeyCompromiseOpenSslVerifyWithTheCrlFindsTheCertificateRevoked()
            throws Exception {
        X509Certificate certificate = lockedMobileIdCertificates().get(0);
        Files.writeString(directory.resolve("cert.pem"), Certificates.toPem(certificate));
        Files.write(directory.resolve("crl.pem"), get("/ca/crl?format=pem").body());

        OpenSsl.Result result =
                OpenSsl.run(
                        directory,
                        "verify",
                        "-crl_check",
                        "-CAfile",
                        "ca.pem",
                        "-CRLfile",
                        "crl.pem",
                        "cert.pem");

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("certificate revoked");
    }

    @Test
    void afterALockWithKeyCompromiseJavaPkixValidationFailsAsRevokedOverOcsp() throws Exception {
        X509Certificate certificate = lockedMobileIdCertificates().get(0);

        assertThatThrownBy(() -> validateWithOcsp(certificate))
                .isInstanceOf(CertPathValidatorException.class)
                .extracting(e -> ((CertPathValidatorException) e).getReason())
                .isEqualTo(CertPathValidatorException.BasicReason.REVOKED);
    }

    @Test
    void afterALockWithKeyCompromiseJavaPkixValidationFailsAsRevokedWithTheCrl() throws Exception {
        X509Certificate certificate = lockedMobileIdCertificates().get(0);

        assertThatThrownBy(() -> validateWithCrl(certificate))
                .isInstanceOf(CertPathValidatorException.class)
                .extracting(e -> ((CertPathValidatorException) e).getReason())
                .isEqualTo(CertPathValidatorException.BasicReason.REVOKED);
    }

    @Test
    void aCertificateOfAUserWhoLockedNothingIsGoodEverywhere() throws Exception {
        X509Certificate certificate = certificatesOf(issuer.issue(user(), "Phone").id()).get(0);
        Files.writeString(directory.resolve("cert.pem"), Certificates.toPem(certificate));
        Files.write(directory.resolve("crl.pem"), get("/ca/crl?format=pem").body());

        OpenSsl.Result ocsp =
                OpenSsl.run(
                        directory,
                        "ocsp",
                        "-issuer",
                        "ca.pem",
                        "-cert",
                        "cert.pem",
                        "-CAfile",
                        "ca.pem",
                        "-url",
                        url("/ocsp"),
                        "-nonce");
        OpenSsl.Result verify =
                OpenSsl.run(
                        directory,
                        "verify",
                        "-crl_check",
                        "-CAfile",
                        "ca.pem",
                        "-CRLfile",
                        "crl.pem",
                        "cert.pem");

        assertThat(ocsp.output()).contains("Response verify OK").contains("cert.pem: good");
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("cert.pem: OK");
        validateWithOcsp(certificate);
        validateWithCrl(certificate);
    }

    @Test
    void aSerialNeverIssuedIsUnknownToOpenSslOcsp() {
        OpenSsl.Result result =
                OpenSsl.run(
                        directory,
                        "ocsp",
                        "-issuer",
                        "ca.pem",
                        "-serial",
                        "0x1badc0ffee",
                        "-CAfile",
                        "ca.pem",
                        "-url",
                        url("/ocsp"),
                        "-nonce");

        assertThat(result.output())
                .contains("Response verify OK")
                .contains("0x1badc0ffee: unknown");
    }

    @Test
    void garbageBytesGetMalformedRequestAndNeverAServerError() throws Exception {
        HttpResponse<byte[]> response =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(url("/ocsp")))
                                .header("Content-Type", "application/ocsp-request")
                                .POST(HttpRequest.BodyPublishers.ofString("garbage"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> badGet =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(url("/ocsp/not%2Fbase64!"))).build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/ocsp-response");
        assertThat(new OCSPResp(response.body()).getStatus())
                .isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);
        assertThat(badGet.statusCode()).isEqualTo(200);
        assertThat(new OCSPResp(badGet.body()).getStatus())
                .isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);
    }

    @Test
    void aGetRequestWithSlashesInItsBase64IsAnswered() throws Exception {
        BigInteger serial = issueAndRevoke(RevocationReason.KEY_COMPROMISE);
        String base64 = base64WithSlash(serial);

        HttpResponse<byte[]> response =
                HTTP.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                url(
                                                        "/ocsp/"
                                                                + URLEncoder.encode(
                                                                        base64,
                                                                        StandardCharsets.UTF_8))))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        OCSPResp ocsp = new OCSPResp(response.body());
        assertThat(ocsp.getStatus()).isEqualTo(OCSPRespBuilder.SUCCESSFUL);
        var single = ((BasicOCSPResp) ocsp.getResponseObject()).getResponses()[0];
        assertThat(single.getCertID().getSerialNumber()).isEqualTo(serial);
        assertThat(single.getCertStatus()).isInstanceOf(RevokedStatus.class);
    }

    @Test
    void theCrlNumberGrowsWithARevocationAndOpenSslVerifiesEachCrl() throws Exception {
        byte[] before = get("/ca/crl").body();
        BigInteger serial = issueAndRevoke(RevocationReason.UNSPECIFIED);

        HttpResponse<byte[]> after = get("/ca/crl");

        assertThat(after.headers().firstValue("Content-Type")).hasValue("application/pkix-crl");
        X509CRL crl = CrlPublisherTest.parse(after.body());
        assertThat(CrlPublisherTest.crlNumber(crl))
                .isGreaterThan(CrlPublisherTest.crlNumber(CrlPublisherTest.parse(before)));
        assertThat(crl.getRevokedCertificate(serial)).isNotNull();
        assertThat(
                        crl.getRevokedCertificate(serial)
                                .getExtensionValue(Extension.reasonCode.getId()))
                .as("no reason extension for unspecified")
                .isNull();
        for (byte[] der : List.of(before, after.body())) {
            Files.write(directory.resolve("crl.der"), der);
            OpenSsl.Result result =
                    OpenSsl.run(
                            directory, "crl", "-inform", "DER", "-in", "crl.der", "-CAfile",
                            "ca.pem", "-noout");
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("verify OK");
        }
    }

    @Test
    void theCrlIsServedAsPemOnRequest() throws Exception {
        HttpResponse<byte[]> byAccept =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(url("/ca/crl")))
                                .header("Accept", "application/x-pem-file")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> byParameter = get("/ca/crl?format=pem");

        for (HttpResponse<byte[]> response : List.of(byAccept, byParameter)) {
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValue("application/x-pem-file");
            assertThat(new String(response.body(), StandardCharsets.US_ASCII))
                    .startsWith("-----BEGIN X509 CRL-----");
            CrlPublisherTest.parse(response.body()).verify(ca.caCertificate().getPublicKey());
        }
    }

    /** A user's mobile ID whose certificates were revoked for keyCompromise, as a lock does. */
    private List<X509Certificate> lockedMobileIdCertificates() {
        String mobileId = issuer.issue(user(), "Stolen phone").id();
        List<X509Certificate> certificates = certificatesOf(mobileId);
        for (X509Certificate certificate : certificates) {
            ca.revoke(
                    certificate.getSerialNumber(),
                    RevocationReason.KEY_COMPROMISE,
                    Instant.now().minusSeconds(3600));
        }
        return certificates;
    }

    private List<X509Certificate> certificatesOf(String mobileId) {
        return identityManager.certificatesOf(mobileId).stream()
                .map(
                        c ->
                                jdbc.sql("SELECT pem FROM ca_certificate WHERE serial_number = ?")
                                        .param(c.serialNumber())
                                        .query(String.class)
                                        .single())
                .map(RevocationCheckIT::certificate)
                .toList();
    }

    private BigInteger issueAndRevoke(RevocationReason reason) {
        BigInteger serial =
                ca.issue(
                                new IssueRequest(
                                        user(),
                                        "mobile-it",
                                        CertificateType.AUTHENTICATION,
                                        TestKeys.newKeyPair().getPublic()))
                        .getSerialNumber();
        ca.revoke(serial, reason, null);
        return serial;
    }

    private void validateWithOcsp(X509Certificate certificate) throws Exception {
        var validator = CertPathValidator.getInstance("PKIX");
        var checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        checker.setOcspResponder(URI.create(url("/ocsp")));
        checker.setOptions(
                EnumSet.of(
                        PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                        PKIXRevocationChecker.Option.NO_FALLBACK));
        validate(validator, checker, certificate, null);
    }

    private void validateWithCrl(X509Certificate certificate) throws Exception {
        var validator = CertPathValidator.getInstance("PKIX");
        var checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        checker.setOptions(
                EnumSet.of(
                        PKIXRevocationChecker.Option.PREFER_CRLS,
                        PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                        PKIXRevocationChecker.Option.NO_FALLBACK));
        validate(validator, checker, certificate, CrlPublisherTest.parse(get("/ca/crl").body()));
    }

    private void validate(
            CertPathValidator validator,
            PKIXRevocationChecker checker,
            X509Certificate certificate,
            X509CRL crl)
            throws Exception {
        var parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.caCertificate(), null)));
        parameters.addCertPathChecker(checker);
        if (crl != null) {
            parameters.addCertStore(
                    CertStore.getInstance(
                            "Collection", new CollectionCertStoreParameters(List.of(crl))));
        }
        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate));
        validator.validate(path, parameters);
    }

    /** A GET request whose base64 holds a slash: a new nonce until one does. */
    private String base64WithSlash(BigInteger serial) throws Exception {
        var id =
                new CertificateID(
                        new JcaDigestCalculatorProviderBuilder()
                                .build()
                                .get(CertificateID.HASH_SHA1),
                        new JcaX509CertificateHolder(ca.caCertificate()),
                        serial);
        for (int nonce = 0; ; nonce++) {
            byte[] request =
                    new OCSPReqBuilder()
                            .addRequest(id)
                            .setRequestExtensions(
                                    new Extensions(
                                            new Extension(
                                                    OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                                                    false,
                                                    new DEROctetString(
                                                                    BigInteger.valueOf(nonce)
                                                                            .toByteArray())
                                                            .getEncoded())))
                            .build()
                            .getEncoded();
            String base64 = Base64.getEncoder().encodeToString(request);
            if (base64.contains("/")) {
                return base64;
            }
        }
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(url(path))).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String user() {
        return "user-" + UUID.randomUUID();
    }

    private static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509")
                            .generateCertificate(
                                    new ByteArrayInputStream(
                                            pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bodyAsText(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.US_ASCII);
    }
}
