package io.github.mobileid.selfservice.ca;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code ca_identity}: which CA certificate the database belongs to. */
@Repository
@ConditionalOnBuiltInCa
class CaIdentityRepository {

    private final JdbcClient jdbc;

    CaIdentityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the fingerprint unless one is recorded already, and answers the one that counts: the
     * given one on the first start, the recorded one afterwards (also when another node won a race
     * for the first start).
     */
    String claim(String certificateSha256, String subject, Instant at) {
        Optional<String> recorded = find();
        if (recorded.isPresent()) {
            return recorded.get();
        }
        try {
            jdbc.sql(
                            """
                            INSERT INTO ca_identity (id, certificate_sha256, subject, recorded_at)
                            VALUES (1, ?, ?, ?)
                            """)
                    .param(certificateSha256)
                    .param(subject)
                    .param(Timestamp.from(at))
                    .update();
            return certificateSha256;
        } catch (DuplicateKeyException e) {
            return find().orElseThrow();
        }
    }

    private Optional<String> find() {
        return jdbc.sql("SELECT certificate_sha256 FROM ca_identity WHERE id = 1")
                .query(String.class)
                .optional();
    }
}
