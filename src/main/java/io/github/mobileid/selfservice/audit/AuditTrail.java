package io.github.mobileid.selfservice.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail of locks and revocations. It outlives log rotation, and a record is written in
 * the same transaction as the change it records, so neither exists without the other.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a change; must run inside the transaction that makes the change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            String actor,
            String action,
            String mobileId,
            String serialNumber,
            String reason,
            String outcome) {
        jdbc.sql(
                        """
                        INSERT INTO audit_entry (id, occurred_at, actor, action, mobile_id,
                                                 serial_number, reason, outcome)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        UUID.randomUUID().toString(),
                        Timestamp.from(clock.instant()),
                        actor,
                        action,
                        mobileId,
                        serialNumber,
                        reason,
                        outcome)
                .update();
    }

    public List<AuditEntry> entriesOf(String mobileId) {
        return jdbc.sql(
                        """
                        SELECT * FROM audit_entry WHERE mobile_id = ?
                        ORDER BY occurred_at, action, serial_number
                        """)
                .param(mobileId)
                .query(
                        (rs, row) ->
                                new AuditEntry(
                                        rs.getString("id"),
                                        rs.getTimestamp("occurred_at").toInstant(),
                                        rs.getString("actor"),
                                        rs.getString("action"),
                                        rs.getString("mobile_id"),
                                        rs.getString("serial_number"),
                                        rs.getString("reason"),
                                        rs.getString("outcome")))
                .list();
    }
}
