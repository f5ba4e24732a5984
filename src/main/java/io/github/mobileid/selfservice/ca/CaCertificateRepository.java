package io.github.mobileid.selfservice.ca;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code ca_certificate}, {@code ca_counter} and {@code ca_revocation_audit}. */
@Repository
@ConditionalOnBuiltInCa
class CaCertificateRepository {

    private final JdbcClient jdbc;

    CaCertificateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CaCertificateRecord record) {
        jdbc.sql(
                        """
                        INSERT INTO ca_certificate
                            (serial_number, profile, subject, not_before, not_after, pem, issued_at)
                        VALUES (:serialNumber, :profile, :subject, :notBefore, :notAfter, :pem,
                                :issuedAt)
                        """)
                .param("serialNumber", record.serialNumber())
                .param("profile", record.profile().value())
                .param("subject", record.subject())
                .param("notBefore", Timestamp.from(record.notBefore()))
                .param("notAfter", Timestamp.from(record.notAfter()))
                .param("pem", record.pem())
                .param("issuedAt", Timestamp.from(record.issuedAt()))
                .update();
    }

    Optional<CaCertificateRecord> find(String serialNumber) {
        return jdbc.sql("SELECT * FROM ca_certificate WHERE serial_number = ?")
                .param(serialNumber)
                .query(CaCertificateRepository::map)
                .optional();
    }

    /** Reads the record and locks its row until the transaction ends. */
    Optional<CaCertificateRecord> findForUpdate(String serialNumber) {
        return jdbc.sql("SELECT * FROM ca_certificate WHERE serial_number = ? FOR UPDATE")
                .param(serialNumber)
                .query(CaCertificateRepository::map)
                .optional();
    }

    /** Revokes a good certificate; answers false when it was revoked already. */
    boolean revoke(
            String serialNumber, Instant at, RevocationReason reason, Instant invalidityDate) {
        return jdbc.sql(
                                """
                                UPDATE ca_certificate
                                SET revoked_at = ?, revocation_reason = ?, invalidity_date = ?
                                WHERE serial_number = ? AND revoked_at IS NULL
                                """)
                        .param(Timestamp.from(at))
                        .param(reason.rfcName())
                        .param(timestamp(invalidityDate))
                        .param(serialNumber)
                        .update()
                == 1;
    }

    /** Changes the reason of a revoked certificate if it is still {@code from}. */
    boolean changeReason(
            String serialNumber,
            RevocationReason from,
            RevocationReason to,
            Instant invalidityDate) {
        return jdbc.sql(
                                """
                                UPDATE ca_certificate
                                SET revocation_reason = ?, invalidity_date = ?
                                WHERE serial_number = ? AND revocation_reason = ?
                                """)
                        .param(to.rfcName())
                        .param(timestamp(invalidityDate))
                        .param(serialNumber)
                        .param(from.rfcName())
                        .update()
                == 1;
    }

    /**
     * Counts one more change of the revocations. Called in the transaction of the change, so the
     * CRL publisher on any node sees the new revision exactly when the change commits.
     */
    void bumpRevision() {
        jdbc.sql(
                        "UPDATE ca_counter SET counter_value = counter_value + 1"
                                + " WHERE name = 'revision'")
                .update();
    }

    void audit(
            String serialNumber,
            String action,
            RevocationReason reason,
            RevocationReason previousReason,
            Instant invalidityDate,
            Instant at) {
        jdbc.sql(
                        """
                        INSERT INTO ca_revocation_audit
                            (serial_number, action, revocation_reason, previous_reason,
                             invalidity_date, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                .param(serialNumber)
                .param(action)
                .param(reason.rfcName())
                .param(previousReason == null ? null : previousReason.rfcName())
                .param(timestamp(invalidityDate))
                .param(Timestamp.from(at))
                .update();
    }

    private static CaCertificateRecord map(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("revocation_reason");
        return new CaCertificateRecord(
                rs.getString("serial_number"),
                CertificateProfile.of(rs.getString("profile")),
                rs.getString("subject"),
                instant(rs, "not_before"),
                instant(rs, "not_after"),
                rs.getString("pem"),
                instant(rs, "issued_at"),
                instant(rs, "revoked_at"),
                reason == null ? null : RevocationReason.parse(reason),
                instant(rs, "invalidity_date"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
