package io.github.mobileid.selfservice.issue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ActivationCodeRepository {

    /** The stored side of an activation code: never the code, only its hash. */
    record StoredCode(String mobileId, Instant expiresAt, Instant usedAt) {}

    private final JdbcClient jdbc;

    ActivationCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String mobileId, String codeHash, Instant expiresAt) {
        jdbc.sql(
                        """
                        INSERT INTO activation_code (mobile_id, code_hash, expires_at)
                        VALUES (?, ?, ?)
                        """)
                .param(mobileId)
                .param(codeHash)
                .param(Timestamp.from(expiresAt))
                .update();
    }

    /** Finds the code by its hash and locks its row until the transaction ends. */
    Optional<StoredCode> findForUpdate(String codeHash) {
        return jdbc.sql("SELECT * FROM activation_code WHERE code_hash = ? FOR UPDATE")
                .param(codeHash)
                .query(
                        (rs, row) ->
                                new StoredCode(
                                        rs.getString("mobile_id"),
                                        rs.getTimestamp("expires_at").toInstant(),
                                        rs.getTimestamp("used_at") == null
                                                ? null
                                                : rs.getTimestamp("used_at").toInstant()))
                .optional();
    }

    Optional<Instant> expiryOf(String mobileId) {
        return jdbc.sql("SELECT expires_at FROM activation_code WHERE mobile_id = ?")
                .param(mobileId)
                .query((rs, row) -> rs.getTimestamp("expires_at").toInstant())
                .optional();
    }

    boolean markUsed(String mobileId, Instant at) {
        return jdbc.sql(
                                "UPDATE activation_code SET used_at = ? WHERE mobile_id = ? AND"
                                        + " used_at IS NULL")
                        .param(Timestamp.from(at))
                        .param(mobileId)
                        .update()
                == 1;
    }
}
