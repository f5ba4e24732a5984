package io.github.mobileid.selfservice.ca.ocsp;

import io.github.mobileid.selfservice.ca.CertificateStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.cert.ocsp.CertificateID;

/**
 * Signed responses to nonce-free requests for one certificate, kept for a short time so that a
 * relying party that asks again (as browsers and Java do, without a nonce) costs a database read
 * but no signature. A kept response is served only while the CA's record of the certificate is
 * exactly what it was when the response was signed, so a revocation is visible at once; what ages
 * is only {@code thisUpdate}, by at most the time to live.
 *
 * <p>When it holds {@value #MAX_ENTRIES} responses it starts again empty, so memory stays below a
 * few megabytes without bookkeeping per entry.
 */
final class ResponseCache {

    static final int MAX_ENTRIES = 10_000;

    private final Duration timeToLive;
    private final Map<CertID, Entry> entries = new ConcurrentHashMap<>();

    ResponseCache(Duration timeToLive) {
        this.timeToLive = timeToLive;
    }

    byte[] get(CertificateID id, CertificateStatus status, Instant now, Supplier<byte[]> sign) {
        if (timeToLive.isZero() || timeToLive.isNegative()) {
            return sign.get();
        }
        CertID key = id.toASN1Primitive();
        Entry entry = entries.get(key);
        if (entry != null && entry.status().equals(status) && now.isBefore(entry.expiresAt())) {
            return entry.response();
        }

        byte[] response = sign.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(status, response, now.plus(timeToLive)));
        return response;
    }

    private record Entry(CertificateStatus status, byte[] response, Instant expiresAt) {}
}
