package io.github.mobileid.selfservice.ca;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code ca_crl}, the {@code crlNumber} counter and the revoked certificates. */
@Repository
@ConditionalOnBuiltInCa
class CrlRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    CrlRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        // Rows are handed to the CRL one by one, so a large CRL never sits in memory twice.
        this.streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(1_000);
    }

    /** The current revision of the revocations and the latest CRL (null fields if none yet). */
    CrlState state() {
        return jdbc.sql(
                        """
                        SELECT r.counter_value AS revision, c.crl_number, c.revision AS crl_revision,
                               c.this_update, c.next_update
                        FROM ca_counter r
                        LEFT JOIN ca_crl c ON c.crl_number = (SELECT MAX(crl_number) FROM ca_crl)
                        WHERE r.name = 'revision'
                        """)
                .query(
                        (rs, row) -> {
                            long crlNumber = rs.getLong("crl_number");
                            if (rs.wasNull()) {
                                return new CrlState(rs.getLong("revision"), null);
                            }
                            return new CrlState(
                                    rs.getLong("revision"),
                                    new CrlState.Latest(
                                            crlNumber,
                                            rs.getLong("crl_revision"),
                                            CaCertificateRepository.instant(rs, "this_update"),
                                            CaCertificateRepository.instant(rs, "next_update")));
                        })
                .single();
    }

    byte[] der(long crlNumber) {
        return jdbc.sql("SELECT der FROM ca_crl WHERE crl_number = ?")
                .param(crlNumber)
                .query((rs, row) -> rs.getBytes(1))
                .single();
    }

    /**
     * Reads the number of the latest CRL and locks it until the transaction ends, so that only one
     * node at a time makes a CRL and CRL numbers never repeat.
     */
    long lockCrlNumber() {
        return jdbc.sql("SELECT counter_value FROM ca_counter WHERE name = 'crlNumber' FOR UPDATE")
                .query(Long.class)
                .single();
    }

    void forEachRevoked(Consumer<RevokedEntry> consumer) {
        // A range rather than IS NOT NULL: H2 answers a range from ca_certificate_revoked_entry_idx
        // but scans the whole table, PEMs and all, for IS NOT NULL. No revocation predates 1970.
        streaming.query(
                """
                SELECT serial_number, revoked_at, revocation_reason, invalidity_date
                FROM ca_certificate
                WHERE revoked_at >= TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00'
                """,
                (RowCallbackHandler)
                        rs ->
                                consumer.accept(
                                        new RevokedEntry(
                                                rs.getString(1),
                                                rs.getTimestamp(2).toInstant(),
                                                RevocationReason.parse(rs.getString(3)),
                                                instant(rs.getTimestamp(4)))));
    }

    /** Stores a new CRL as the latest one and drops the ones before it. */
    void save(long crlNumber, long revision, Instant thisUpdate, Instant nextUpdate, byte[] der) {
        jdbc.sql(
                        """
                        INSERT INTO ca_crl (crl_number, revision, this_update, next_update, der)
                        VALUES (?, ?, ?, ?, ?)
                        """)
                .param(crlNumber)
                .param(revision)
                .param(Timestamp.from(thisUpdate))
                .param(Timestamp.from(nextUpdate))
                .param(der)
                .update();
        jdbc.sql("UPDATE ca_counter SET counter_value = ? WHERE name = 'crlNumber'")
                .param(crlNumber)
                .update();
        jdbc.sql("DELETE FROM ca_crl WHERE crl_number < ?").param(crlNumber).update();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    record RevokedEntry(
            String serialNumber,
            Instant revokedAt,
            RevocationReason reason,
            Instant invalidityDate) {}

    /**
     * @param revision the revision of the revocations now
     * @param latest the latest stored CRL, or null before the first
     */
    record CrlState(long revision, Latest latest) {

        record Latest(long crlNumber, long revision, Instant thisUpdate, Instant nextUpdate) {}
    }
}
