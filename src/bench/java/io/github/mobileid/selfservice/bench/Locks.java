package io.github.mobileid.selfservice.bench;

import io.github.mobileid.selfservice.mobileid.MobileId;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Message starts of the lock and of its floor, for mobile IDs taken in turn from the seeded ones:
 * the floor runs for the mobile IDs that the next locks take, so both carry the same variables.
 */
final class Locks {

    private static final String LOCK_PROCESS = "MobileIDSelfServiceProcLock";
    private static final String LOCK_MESSAGE = "Msg_LockMobileID";

    private final RuntimeService runtimeService;
    private final List<MobileId> lockable;
    private int taken;

    Locks(RuntimeService runtimeService, List<MobileId> lockable) {
        this.runtimeService = runtimeService;
        this.lockable = lockable;
    }

    double floorPerSecond(int count, int senders) throws Exception {
        List<Runnable> starts =
                peek(count).stream().map(m -> start(FloorProcess.MESSAGE, m)).toList();
        return Throughput.perSecond(runtimeService, FloorProcess.KEY, senders, starts);
    }

    double lockPerSecond(int count, int senders) throws Exception {
        List<Runnable> starts = next(count).stream().map(this::lockRequest).toList();
        return Throughput.perSecond(runtimeService, LOCK_PROCESS, senders, starts);
    }

    /** The next mobile IDs to lock, taken: no later call returns them again. */
    List<MobileId> next(int count) {
        List<MobileId> next = peek(count);
        taken += count;
        return next;
    }

    Runnable lockRequest(MobileId mobileId) {
        return start(LOCK_MESSAGE, mobileId);
    }

    /**
     * Fails the run unless every mobile ID taken so far is locked and no lock raised an incident: a
     * benchmark of failed locks would measure nothing.
     */
    void assertAllLockedWithoutIncident(JdbcTemplate jdbc) {
        long locked =
                jdbc.queryForObject(
                        "SELECT COUNT(*) FROM mobile_id WHERE state = 'locked'", Long.class);
        long incidents = runtimeService.createIncidentQuery().count();
        if (locked != taken || incidents != 0) {
            throw new IllegalStateException(
                    "Locks failed: requested=%d, locked=%d, incidents=%d"
                            .formatted(taken, locked, incidents));
        }
    }

    private List<MobileId> peek(int count) {
        if (taken + count > lockable.size()) {
            throw new IllegalStateException("Not enough mobile IDs seeded to lock " + count);
        }
        return lockable.subList(taken, taken + count);
    }

    private Runnable start(String message, MobileId mobileId) {
        return () ->
                runtimeService
                        .createMessageCorrelation(message)
                        .setVariable("mobileId", mobileId.id())
                        .setVariable("userId", mobileId.userId())
                        .setVariable("requestedBy", "benchmark")
                        .correlateStartMessage();
    }
}
