package io.github.mobileid.selfservice.ca;

import java.util.Arrays;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The time a request for the CRL takes after a revocation, with a given number of revoked
 * certificates on it: read the revoked rows, build and sign the CRL, store it (the median of a few
 * tries after one to warm up).
 */
public final class CrlFigure {

    private static final int TRIES = 5;

    private CrlFigure() {}

    /** Adds {@code entries} revoked certificates to the CA's records and times new CRLs. */
    public static long regenerationMillis(ApplicationContext context, int entries) {
        var publisher = context.getBean(CrlPublisher.class);
        var jdbc = context.getBean(JdbcTemplate.class);
        RevokedRows.insert(jdbc, entries);
        RevokedRows.bumpRevision(jdbc);
        publisher.currentCrl();

        long[] millis = new long[TRIES];
        for (int i = 0; i < TRIES; i++) {
            RevokedRows.bumpRevision(jdbc);
            long begin = System.nanoTime();
            publisher.currentCrl();
            millis[i] = (System.nanoTime() - begin) / 1_000_000;
        }
        Arrays.sort(millis);
        return millis[TRIES / 2];
    }
}
