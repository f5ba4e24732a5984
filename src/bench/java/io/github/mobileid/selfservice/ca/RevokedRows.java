package io.github.mobileid.selfservice.ca;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Revoked certificates for the CRL benchmarks, written straight into {@code ca_certificate}: what
 * the CRL reads (serial number, revocation time, reason, invalidity date) is real, the PEM is a
 * placeholder. A quarter of the entries are {@code unspecified} (no reason extension), a quarter
 * carry an invalidity date.
 */
public final class RevokedRows {

    private static final RevocationReason[] REASONS = {
        RevocationReason.UNSPECIFIED,
        RevocationReason.KEY_COMPROMISE,
        RevocationReason.SUPERSEDED,
        RevocationReason.CESSATION_OF_OPERATION
    };

    private RevokedRows() {}

    /**
     * Inserts that many revoked certificates and returns them, each as serial number (hex), not
     * before, not after, revocation time, reason name and invalidity date (or null).
     */
    public static List<Object[]> insert(JdbcTemplate jdbc, int entries) {
        var random = new SecureRandom();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Object[]> rows = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            Instant revokedAt = now.minusSeconds(i);
            rows.add(
                    new Object[] {
                        new BigInteger(128, random).setBit(127).toString(16),
                        Timestamp.from(now.minus(1, ChronoUnit.DAYS)),
                        Timestamp.from(now.plus(730, ChronoUnit.DAYS)),
                        Timestamp.from(revokedAt),
                        REASONS[i % REASONS.length].rfcName(),
                        i % 4 == 1 ? Timestamp.from(revokedAt.minusSeconds(3600)) : null
                    });
        }

        jdbc.batchUpdate(
                """
                INSERT INTO ca_certificate
                    (serial_number, profile, subject, not_before, not_after, pem, issued_at,
                     revoked_at, revocation_reason, invalidity_date)
                VALUES (?, 'authentication', 'CN=bench', ?, ?, '-', ?, ?, ?, ?)
                """,
                rows.stream()
                        .map(r -> new Object[] {r[0], r[1], r[2], r[1], r[3], r[4], r[5]})
                        .toList());
        return rows;
    }

    /** Makes the publisher build a new CRL on its next request, as a revocation does. */
    public static void bumpRevision(JdbcTemplate jdbc) {
        jdbc.update(
                "UPDATE ca_counter SET counter_value = counter_value + 1 WHERE name = 'revision'");
    }
}
