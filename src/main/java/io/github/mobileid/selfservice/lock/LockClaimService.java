package io.github.mobileid.selfservice.lock;

import io.github.mobileid.selfservice.mobileid.MobileIdService;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "lock in progress" claim of a mobile ID ({@code lock_claim}): at most one lock process
 * instance runs the lock of a mobile ID at a time. Every claim first locks the mobile ID's row, so
 * requests for one mobile ID are decided one after the other, also across nodes, and the insert of
 * the claim never meets a concurrent insert of the same key.
 */
@Service
public class LockClaimService {

    private static final Logger log = LoggerFactory.getLogger(LockClaimService.class);

    private final JdbcClient jdbc;
    private final MobileIdService mobileIds;
    private final Clock clock;

    LockClaimService(JdbcClient jdbc, MobileIdService mobileIds, Clock clock) {
        this.jdbc = jdbc;
        this.mobileIds = mobileIds;
        this.clock = clock;
    }

    /**
     * Claims the lock of the mobile ID for the process instance, in the transaction that starts it.
     * A claim whose process instance no longer runs (deleted without its listeners) is taken over.
     *
     * @param running whether a process instance id still runs
     * @return empty when the claim is now the caller's; otherwise the process instance id of the
     *     lock already in progress
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> claim(
            LockRequest request, String processInstanceId, Predicate<String> running) {
        String mobileId = request.mobileId();
        mobileIds.findForUpdate(mobileId);

        Optional<String> holder = holderOf(mobileId);
        if (holder.isPresent()) {
            if (holder.get().equals(processInstanceId)) {
                return Optional.empty();
            }
            if (running.test(holder.get())) {
                log.info(
                        "Lock already in progress: mobileId={}, processInstanceId={},"
                                + " refusedProcessInstanceId={}",
                        mobileId,
                        holder.get(),
                        processInstanceId);
                return holder;
            }
            log.warn(
                    "Stale lock claim taken over: mobileId={}, staleProcessInstanceId={},"
                            + " processInstanceId={}",
                    mobileId,
                    holder.get(),
                    processInstanceId);
            jdbc.sql("DELETE FROM lock_claim WHERE mobile_id = ?").param(mobileId).update();
        }

        jdbc.sql(
                        """
                        INSERT INTO lock_claim
                            (mobile_id, process_instance_id, claimed_at, request_fingerprint)
                        VALUES (?, ?, ?, ?)
                        """)
                .params(
                        mobileId,
                        processInstanceId,
                        Timestamp.from(clock.instant()),
                        request.fingerprint())
                .update();
        log.info("Lock claimed: mobileId={}, processInstanceId={}", mobileId, processInstanceId);
        return Optional.empty();
    }

    /**
     * Refuses a lock step whose request is not the one its process instance claimed: another mobile
     * ID, owner, requester, reason or invalidity date than were checked at the start, as when a
     * task's variables were edited afterwards. Nothing has changed when it throws; the job fails
     * and, after its retries, shows an incident.
     *
     * @throws LockRequestChangedException when the process instance holds no claim of the request's
     *     mobile ID, or the request differs from the claimed one
     */
    public void requireClaimed(LockRequest request, String processInstanceId) {
        Optional<Claim> claim =
                jdbc.sql(
                                """
                                SELECT process_instance_id, request_fingerprint FROM lock_claim
                                WHERE mobile_id = ?
                                """)
                        .param(request.mobileId())
                        .query((rs, row) -> new Claim(rs.getString(1), rs.getString(2)))
                        .optional();

        boolean held =
                claim.isPresent() && claim.get().processInstanceId().equals(processInstanceId);
        String fingerprint = claim.map(Claim::requestFingerprint).orElse(null);
        if (!held || (fingerprint != null && !fingerprint.equals(request.fingerprint()))) {
            log.warn(
                    "Lock step refused, request changed after its check: mobileId={}, userId={},"
                            + " requestedBy={}, processInstanceId={}",
                    request.mobileId(),
                    request.userId(),
                    request.requestedBy(),
                    processInstanceId);
            throw new LockRequestChangedException(request, processInstanceId);
        }
    }

    private record Claim(String processInstanceId, String requestFingerprint) {}

    /** Releases the process instance's claim; does nothing when it holds none. */
    @Transactional
    public void release(String mobileId, String processInstanceId) {
        int released =
                jdbc.sql("DELETE FROM lock_claim WHERE mobile_id = ? AND process_instance_id = ?")
                        .params(mobileId, processInstanceId)
                        .update();
        if (released > 0) {
            log.info(
                    "Lock claim released: mobileId={}, processInstanceId={}",
                    mobileId,
                    processInstanceId);
        }
    }

    public Optional<String> holderOf(String mobileId) {
        return jdbc.sql("SELECT process_instance_id FROM lock_claim WHERE mobile_id = ?")
                .param(mobileId)
                .query(String.class)
                .optional();
    }
}
