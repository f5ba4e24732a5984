package io.github.mobileid.selfservice.bench;

import io.github.mobileid.selfservice.ca.ocsp.OcspBenchmark;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;

/**
 * How long a relying party waits, after a lock was requested, until the CA's OCSP responder answers
 * {@code revoked}: locks are sent at a steady rate, and one client asks {@code /ocsp} over HTTP
 * about every pending certificate again and again (nonce-free, as browsers and Java ask) until it
 * is revoked. The figures are as fine as one sweep over the pending certificates, a few
 * milliseconds.
 */
final class RevocationLatency {

    private static final Duration AT_MOST = Duration.ofMinutes(5);

    /** A lock to request and the serial number of one of the certificates it revokes. */
    record Lock(Runnable request, BigInteger serialNumber) {}

    private final URI ocsp;
    private final X509Certificate issuer;
    private final HttpClient http = HttpClient.newHttpClient();

    RevocationLatency(URI ocsp, X509Certificate issuer) {
        this.ocsp = ocsp;
        this.issuer = issuer;
    }

    /** Milliseconds from each request to the first {@code revoked} answer, sorted. */
    long[] measure(List<Lock> locks, int perSecond) throws Exception {
        Map<BigInteger, Long> pending = new ConcurrentHashMap<>();
        List<Long> delays = new ArrayList<>(locks.size());
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        ScheduledExecutorService sender = Executors.newScheduledThreadPool(2);
        sender.scheduleAtFixedRate(
                () -> send(locks, next.getAndIncrement(), pending, failure),
                0,
                1_000_000 / perSecond,
                TimeUnit.MICROSECONDS);

        long begin = System.nanoTime();
        try {
            while (delays.size() < locks.size()) {
                poll(pending, delays::add);
                if (failure.get() != null) {
                    throw failure.get();
                }
                if (System.nanoTime() - begin > AT_MOST.toNanos()) {
                    throw new TimeoutException(
                            "Not revoked after " + AT_MOST + ": " + pending.keySet());
                }
                TimeUnit.MILLISECONDS.sleep(2);
            }
        } finally {
            sender.shutdownNow();
        }

        long[] sorted = delays.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static void send(
            List<Lock> locks,
            int index,
            Map<BigInteger, Long> pending,
            AtomicReference<RuntimeException> failure) {
        if (index >= locks.size()) {
            return;
        }
        Lock lock = locks.get(index);
        pending.put(lock.serialNumber(), System.nanoTime());
        try {
            lock.request().run();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    private void poll(Map<BigInteger, Long> pending, Consumer<Long> delay) throws Exception {
        for (Map.Entry<BigInteger, Long> entry : pending.entrySet()) {
            if (isRevoked(entry.getKey())) {
                long now = System.nanoTime();
                pending.remove(entry.getKey());
                delay.accept(TimeUnit.NANOSECONDS.toMillis(now - entry.getValue()));
            }
        }
    }

    private boolean isRevoked(BigInteger serialNumber) throws Exception {
        byte[] request = OcspBenchmark.request(issuer, serialNumber, false);
        HttpResponse<byte[]> response =
                http.send(
                        HttpRequest.newBuilder(ocsp)
                                .header("Content-Type", "application/ocsp-request")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("OCSP answered HTTP " + response.statusCode());
        }
        var basic = (BasicOCSPResp) new OCSPResp(response.body()).getResponseObject();
        return basic.getResponses()[0].getCertStatus() instanceof RevokedStatus;
    }

    static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
