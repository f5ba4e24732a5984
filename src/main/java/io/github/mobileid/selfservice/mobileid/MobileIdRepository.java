package io.github.mobileid.selfservice.mobileid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MobileIdRepository {

    private final JdbcClient jdbc;

    MobileIdRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(MobileId mobileId) {
        jdbc.sql(
                        """
                        INSERT INTO mobile_id (id, user_id, display_name, state, created_at)
                        VALUES (:id, :userId, :displayName, :state, :createdAt)
                        """)
                .param("id", mobileId.id())
                .param("userId", mobileId.userId())
                .param("displayName", mobileId.displayName())
                .param("state", mobileId.state().value())
                .param("createdAt", Timestamp.from(mobileId.createdAt()))
                .update();
    }

    Optional<MobileId> find(String id) {
        return jdbc.sql("SELECT * FROM mobile_id WHERE id = ?")
                .param(id)
                .query(MobileIdRepository::map)
                .optional();
    }

    /** Reads the mobile ID and locks its row until the end of the current transaction. */
    Optional<MobileId> findForUpdate(String id) {
        return jdbc.sql("SELECT * FROM mobile_id WHERE id = ? FOR UPDATE")
                .param(id)
                .query(MobileIdRepository::map)
                .optional();
    }

    List<MobileId> findByUser(String userId) {
        return jdbc.sql("SELECT * FROM mobile_id WHERE user_id = ? ORDER BY created_at, id")
                .param(userId)
                .query(MobileIdRepository::map)
                .list();
    }

    /** The user's mobile IDs, their rows locked until the transaction ends, in id order. */
    List<MobileId> findByUserForUpdate(String userId) {
        return jdbc.sql("SELECT * FROM mobile_id WHERE user_id = ? ORDER BY id FOR UPDATE")
                .param(userId)
                .query(MobileIdRepository::map)
                .list();
    }

    /** Changes the state only if it is still {@code from}; answers whether it did. */
    boolean activate(String id, MobileIdState from, Instant at) {
        return jdbc.sql(
                                """
                                UPDATE mobile_id SET state = 'active', activated_at = ?
                                WHERE id = ? AND state = ?
                                """)
                        .param(Timestamp.from(at))
                        .param(id)
                        .param(from.value())
                        .update()
                == 1;
    }

    /** Locks the mobile ID only if it is still active; answers whether it did. */
    boolean lock(String id, String lockedBy, String reason, Instant at) {
        return jdbc.sql(
                                """
                                UPDATE mobile_id
                                SET state = 'locked', locked_at = ?, locked_by = ?, lock_reason = ?
                                WHERE id = ? AND state = 'active'
                                """)
                        .param(Timestamp.from(at))
                        .param(lockedBy)
                        .param(reason)
                        .param(id)
                        .update()
                == 1;
    }

    private static MobileId map(ResultSet rs, int row) throws SQLException {
        return new MobileId(
                rs.getString("id"),
                rs.getString("user_id"),
                rs.getString("display_name"),
                MobileIdState.of(rs.getString("state")),
                instant(rs, "created_at"),
                instant(rs, "activated_at"),
                instant(rs, "locked_at"),
                rs.getString("locked_by"),
                rs.getString("lock_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
