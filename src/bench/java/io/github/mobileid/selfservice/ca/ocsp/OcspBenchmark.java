package io.github.mobileid.selfservice.ca.ocsp;

import io.github.mobileid.selfservice.ca.BenchmarkApplication;
import io.github.mobileid.selfservice.ca.CertificateAuthority;
import io.github.mobileid.selfservice.ca.CertificateType;
import io.github.mobileid.selfservice.ca.IssueRequest;
import io.github.mobileid.selfservice.ca.RevocationReason;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * OCSP responses per second and their latency (use the sample-time mode's p0.99) for a revoked and
 * a good serial, two client threads as on a 2-core machine. {@code respond*} calls the responder
 * in-process (status read from in-memory H2, ECDSA signature unless the cache answers); {@code
 * httpRevoked} posts the request to the running application over loopback, so the client shares the
 * cores with the server.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms512m", "-Xmx512m"})
public class OcspBenchmark {

    private ConfigurableApplicationContext context;
    private OcspResponder responder;
    private HttpClient http;
    private URI ocspUri;
    private byte[] revokedRequest;
    private byte[] goodRequest;
    private byte[] goodRequestWithoutNonce;

    @Setup(Level.Trial)
    public void issueCertificates() throws Exception {
        context = BenchmarkApplication.start();
        responder = context.getBean(OcspResponder.class);
        var ca = context.getBean(CertificateAuthority.class);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        ocspUri = URI.create("http://localhost:" + port + "/ocsp");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        X509Certificate revoked = issue(ca);
        ca.revoke(revoked.getSerialNumber(), RevocationReason.KEY_COMPROMISE, null);
        X509Certificate good = issue(ca);
        revokedRequest = request(ca.caCertificate(), revoked.getSerialNumber(), true);
        goodRequest = request(ca.caCertificate(), good.getSerialNumber(), true);
        goodRequestWithoutNonce = request(ca.caCertificate(), good.getSerialNumber(), false);
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    @Benchmark
    public byte[] respondRevoked() {
        return responder.respond(revokedRequest);
    }

    @Benchmark
    public byte[] respondGood() {
        return responder.respond(goodRequest);
    }

    @Benchmark
    public byte[] httpRevoked() throws IOException, InterruptedException {
        return post(revokedRequest);
    }

    @Benchmark
    public byte[] respondGoodWithoutNonce() {
        return responder.respond(goodRequestWithoutNonce);
    }

    private byte[] post(byte[] request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response =
                http.send(
                        HttpRequest.newBuilder(ocspUri)
                                .header("Content-Type", OcspEndpoint.REQUEST_TYPE)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("OCSP answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    static X509Certificate issue(CertificateAuthority ca) {
        return ca.issue(
                new IssueRequest(
                        "bench", "mobile-bench", CertificateType.AUTHENTICATION, newKey()));
    }

    /**
     * With a nonce as OpenSSL sends it (SHA-1 certificate ID, 16-octet nonce), so that every
     * response is signed; without one as Java and browsers send it, so that the cache answers.
     */
    public static byte[] request(X509Certificate issuer, BigInteger serial, boolean withNonce)
            throws Exception {
        var id =
                new CertificateID(
                        new JcaDigestCalculatorProviderBuilder()
                                .build()
                                .get(CertificateID.HASH_SHA1),
                        new JcaX509CertificateHolder(issuer),
                        serial);
        var nonce =
                new Extension(
                        OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                        false,
                        new DEROctetString(new byte[16]).getEncoded());
        var builder = new OCSPReqBuilder().addRequest(id);
        if (withNonce) {
            builder.setRequestExtensions(new Extensions(nonce));
        }
        return builder.build().getEncoded();
    }

    private static PublicKey newKey() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
