package io.github.mobileid.selfservice.mobileid;

import io.github.mobileid.selfservice.audit.AuditEntry;
import io.github.mobileid.selfservice.audit.AuditTrail;
import io.github.mobileid.selfservice.ca.RevocationReason;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The one place where mobile IDs are created and change state. */
@Service
public class MobileIdService {

    private static final Logger log = LoggerFactory.getLogger(MobileIdService.class);

    private final MobileIdRepository repository;
    private final AuditTrail auditTrail;
    private final Clock clock;

    MobileIdService(MobileIdRepository repository, AuditTrail auditTrail, Clock clock) {
        this.repository = repository;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @Transactional
    public MobileId register(String userId, String displayName) {
        var mobileId =
                new MobileId(
                        UUID.randomUUID().toString(),
                        userId,
                        displayName,
                        MobileIdState.REGISTERED,
                        clock.instant(),
                        null,
                        null,
                        null,
                        null);
        repository.insert(mobileId);

        log.info("Mobile ID registered: mobileId={}, userId={}", mobileId.id(), userId);
        return mobileId;
    }

    @Transactional
    public MobileId activate(String id) {
        MobileId mobileId = get(id);
        requireTransition(mobileId, MobileIdState.ACTIVE);

        if (!repository.activate(id, mobileId.state(), clock.instant())) {
            throw concurrentChange(id);
        }
        log.info("Mobile ID activated: mobileId={}, userId={}", id, mobileId.userId());
        return get(id);
    }

    /**
     * Locks an active mobile ID. Idempotent: a locked mobile ID stays as it is, so that a retried
     * job does not fail and does not overwrite who locked it and why.
     *
     * @throws IllegalMobileIdTransitionException when the mobile ID is neither active nor locked
     */
    @Transactional
    public LockResult lock(String id, String lockedBy, RevocationReason reason) {
        MobileId mobileId = get(id);
        if (mobileId.state() == MobileIdState.LOCKED) {
            log.info("Mobile ID already locked: mobileId={}, lockedBy={}", id, mobileId.lockedBy());
            return LockResult.ALREADY_LOCKED;
        }
        requireTransition(mobileId, MobileIdState.LOCKED);

        if (!repository.lock(id, lockedBy, reason.rfcName(), clock.instant())) {
            throw concurrentChange(id);
        }
        auditTrail.record(lockedBy, AuditEntry.LOCK, id, null, reason.rfcName(), "locked");
        log.info(
                "Mobile ID locked: mobileId={}, userId={}, lockedBy={}, reason={}",
                id,
                mobileId.userId(),
                lockedBy,
                reason.rfcName());
        return LockResult.LOCKED;
    }

    public Optional<MobileId> find(String id) {
        return repository.find(id);
    }

    /**
     * Finds the mobile ID and locks its row until the caller's transaction ends, so that requests
     * for the same mobile ID that run at the same moment (on any node) are decided one after the
     * other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<MobileId> findForUpdate(String id) {
        return repository.findForUpdate(id);
    }

    /**
     * The user's mobile IDs, their rows locked until the transaction ends, so that two changes to
     * one user's mobile IDs are decided one after the other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<MobileId> findByUserForUpdate(String userId) {
        return repository.findByUserForUpdate(userId);
    }

    public MobileId get(String id) {
        return repository.find(id).orElseThrow(() -> new MobileIdNotFoundException(id));
    }

    public List<MobileId> findByUser(String userId) {
        return repository.findByUser(userId);
    }

    public Optional<MobileId> findActive(String userId) {
        return findByUser(userId).stream()
                .filter(m -> m.state() == MobileIdState.ACTIVE)
                .findFirst();
    }

    private static void requireTransition(MobileId mobileId, MobileIdState target) {
        if (!mobileId.state().canTransitionTo(target)) {
            throw new IllegalMobileIdTransitionException(mobileId.id(), mobileId.state(), target);
        }
    }

    private static IllegalStateException concurrentChange(String id) {
        // Another transaction changed the row between our read and our update; the caller's
        // transaction rolls back and a retry sees the new state.
        return new IllegalStateException("Mobile ID '" + id + "' was changed concurrently");
    }
}
