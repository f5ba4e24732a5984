package io.github.mobileid.selfservice.ca.ocsp;

import io.github.mobileid.selfservice.ca.CertificateAuthority;
import io.github.mobileid.selfservice.ca.RevocationReason;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.context.ApplicationContext;

/**
 * OCSP responses per second and their 99th percentile, in-process, from two threads as on a 2-core
 * machine: every request carries a nonce, as OpenSSL sends it, so every response is read from the
 * database and signed.
 */
public final class OcspFigure {

    private static final int THREADS = 2;

    /** Responses per second and the 99th percentile of one response, in milliseconds. */
    public record Figure(double perSecond, double p99Millis) {}

    private final OcspResponder responder;
    private final byte[] revokedRequest;
    private final byte[] goodRequest;

    public OcspFigure(ApplicationContext context) throws Exception {
        responder = context.getBean(OcspResponder.class);
        var ca = context.getBean(CertificateAuthority.class);
        X509Certificate revoked = OcspBenchmark.issue(ca);
        ca.revoke(revoked.getSerialNumber(), RevocationReason.KEY_COMPROMISE, null);
        X509Certificate good = OcspBenchmark.issue(ca);
        revokedRequest = OcspBenchmark.request(ca.caCertificate(), revoked.getSerialNumber(), true);
        goodRequest = OcspBenchmark.request(ca.caCertificate(), good.getSerialNumber(), true);
    }

    public Figure revoked(Duration warmUp, Duration measured) throws Exception {
        return measure(revokedRequest, warmUp, measured);
    }

    public Figure good(Duration warmUp, Duration measured) throws Exception {
        return measure(goodRequest, warmUp, measured);
    }

    private Figure measure(byte[] request, Duration warmUp, Duration measured) throws Exception {
        run(request, warmUp);

        long begin = System.nanoTime();
        long[] nanos = run(request, measured);
        double seconds = (System.nanoTime() - begin) / 1e9;

        Arrays.sort(nanos);
        double p99 = nanos[(int) Math.ceil(0.99 * nanos.length) - 1] / 1e6;
        return new Figure(nanos.length / seconds, p99);
    }

    /** Each thread's response times, joined. */
    private long[] run(byte[] request, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long end = System.nanoTime() + duration.toNanos();
            List<Future<long[]>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                threads.add(pool.submit(() -> respondUntil(request, end)));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> thread : threads) {
                all.add(thread.get());
            }
            return all.stream().flatMapToLong(Arrays::stream).toArray();
        } finally {
            pool.shutdown();
        }
    }

    private long[] respondUntil(byte[] request, long end) {
        long[] nanos = new long[1 << 16];
        int count = 0;
        long now = System.nanoTime();
        while (now < end) {
            responder.respond(request);
            long after = System.nanoTime();
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = after - now;
            now = after;
        }
        return Arrays.copyOf(nanos, count);
    }
}
