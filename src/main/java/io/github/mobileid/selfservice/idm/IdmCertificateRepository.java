package io.github.mobileid.selfservice.idm;

import io.github.mobileid.selfservice.ca.CertificateType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IdmCertificateRepository {

    private final JdbcClient jdbc;

    IdmCertificateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(IdmCertificate certificate) {
        jdbc.sql(
                        """
                        INSERT INTO idm_certificate
                            (serial_number, mobile_id, type, subject, not_before, not_after, state,
                             pem)
                        VALUES (:serialNumber, :mobileId, :type, :subject, :notBefore, :notAfter,
                                :state, :pem)
                        """)
                .param("serialNumber", certificate.serialNumber())
                .param("mobileId", certificate.mobileId())
                .param("type", certificate.type().value())
                .param("subject", certificate.subject())
                .param("notBefore", Timestamp.from(certificate.notBefore()))
                .param("notAfter", Timestamp.from(certificate.notAfter()))
                .param("state", certificate.state().value())
                .param("pem", certificate.pem())
                .update();
    }

    List<IdmCertificate> findByMobileId(String mobileId) {
        return jdbc.sql("SELECT * FROM idm_certificate WHERE mobile_id = ? ORDER BY type")
                .param(mobileId)
                .query(IdmCertificateRepository::map)
                .list();
    }

    /** Revokes the certificate unless it is revoked already; answers whether it did. */
    boolean revoke(String serialNumber, String reason, Instant at) {
        return jdbc.sql(
                                """
                                UPDATE idm_certificate
                                SET state = 'revoked', revoked_at = ?, revocation_reason = ?
                                WHERE serial_number = ? AND state <> 'revoked'
                                """)
                        .param(Timestamp.from(at))
                        .param(reason)
                        .param(serialNumber)
                        .update()
                == 1;
    }

    private static IdmCertificate map(ResultSet rs, int row) throws SQLException {
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        return new IdmCertificate(
                rs.getString("serial_number"),
                rs.getString("mobile_id"),
                CertificateType.of(rs.getString("type")),
                rs.getString("subject"),
                rs.getTimestamp("not_before").toInstant(),
                rs.getTimestamp("not_after").toInstant(),
                IdmCertificateState.of(rs.getString("state")),
                revokedAt == null ? null : revokedAt.toInstant(),
                rs.getString("revocation_reason"),
                rs.getString("pem"));
    }
}
