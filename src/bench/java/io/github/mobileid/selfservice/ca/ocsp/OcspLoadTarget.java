package io.github.mobileid.selfservice.ca.ocsp;

import io.github.mobileid.selfservice.ca.BenchmarkApplication;
import io.github.mobileid.selfservice.ca.CertificateAuthority;
import io.github.mobileid.selfservice.ca.RevocationReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.springframework.boot.web.context.WebServerApplicationContext;

/**
 * The running application as a target for an HTTP load generator such as ApacheBench: issues a good
 * and a revoked certificate, writes an OCSP request for each (with nonce, so that every response is
 * signed) to {@code target/}, prints the URL and keeps running until stopped.
 *
 * <pre>
 * mvn -Pbench -DskipTests test-compile exec:java \
 *     -Dexec.mainClass=io.github.mobileid.selfservice.ca.ocsp.OcspLoadTarget \
 *     -Dexec.classpathScope=test
 * ab -k -n 20000 -c 2 -p target/ocsp-revoked.der -T application/ocsp-request \
 *     http://localhost:PORT/ocsp
 * </pre>
 *
 * <p>ApacheBench counts responses whose length differs from the first one as failed; OCSP responses
 * differ by a byte or two because ECDSA signatures do, so only non-2xx answers and connection
 * errors are real failures.
 */
public final class OcspLoadTarget {

    private OcspLoadTarget() {}

    public static void main(String[] args) throws Exception {
        var context = BenchmarkApplication.start();
        var ca = context.getBean(CertificateAuthority.class);
        X509Certificate revoked = OcspBenchmark.issue(ca);
        ca.revoke(revoked.getSerialNumber(), RevocationReason.KEY_COMPROMISE, null);
        X509Certificate good = OcspBenchmark.issue(ca);

        Files.write(
                Path.of("target/ocsp-revoked.der"),
                OcspBenchmark.request(ca.caCertificate(), revoked.getSerialNumber(), true));
        Files.write(
                Path.of("target/ocsp-good.der"),
                OcspBenchmark.request(ca.caCertificate(), good.getSerialNumber(), true));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        System.out.println("OCSP load target ready: http://localhost:" + port + "/ocsp");
        Thread.currentThread().join();
    }
}
