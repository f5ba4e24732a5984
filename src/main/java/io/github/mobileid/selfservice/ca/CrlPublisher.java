package io.github.mobileid.selfservice.ca;

import io.github.mobileid.selfservice.ca.CrlRepository.CrlState;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serves the CA's current CRL and makes a new one only when needed: when a revocation changed
 * something since the latest CRL (the {@code revision} counter that each such change raises in its
 * own transaction has moved on), or when the latest CRL has lived half of its {@code thisUpdate} to
 * {@code nextUpdate} period. Otherwise it serves the latest CRL, from memory when this node has it
 * already, from {@code ca_crl} when another node made it.
 *
 * <p>A new CRL is made on the first request after a revocation commits, not at the commit itself,
 * so that the revocations of one lock (two or three certificates) give one CRL, not three. Making
 * it locks the {@code crlNumber} counter row, so with several nodes on one database one node makes
 * it and the others serve it.
 *
 * <p>Limitation: every new CRL is a full CRL built from all revoked rows; there are no delta CRLs.
 * The work grows with the number of revoked certificates (about 45 bytes of CRL per entry), and the
 * request that finds the CRL out of date waits for it to be made.
 */
@Component
@ConditionalOnBuiltInCa
class CrlPublisher {

    private static final Logger log = LoggerFactory.getLogger(CrlPublisher.class);

    private final CrlRepository repository;
    private final CaSigner ca;
    private final Duration nextUpdate;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ReentrantLock generating = new ReentrantLock();

    private volatile Crl cached;

    CrlPublisher(
            CrlRepository repository,
            CaSigner ca,
            CaProperties properties,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.ca = ca;
        this.nextUpdate = properties.crlNextUpdate();
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    byte[] currentCrl() {
        CrlState state = repository.state();
        if (isCurrent(state, clock.instant())) {
            return latest(state.latest());
        }

        generating.lock();
        try {
            return transaction.execute(status -> generateUnlessCurrent());
        } finally {
            generating.unlock();
        }
    }

    private byte[] generateUnlessCurrent() {
        long previousNumber = repository.lockCrlNumber();

        // Another thread or node may have made one while this one waited for the lock.
        CrlState state = repository.state();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (isCurrent(state, now)) {
            return latest(state.latest());
        }
        return generate(previousNumber + 1, state.revision(), now);
    }

    private byte[] generate(long crlNumber, long revision, Instant thisUpdate) {
        log.info("CRL generation started: crlNumber={}, revision={}", crlNumber, revision);
        long started = System.nanoTime();
        try {
            Instant next = thisUpdate.plus(nextUpdate);
            var generator = new CrlGenerator(ca, thisUpdate, next);
            repository.forEachRevoked(
                    entry ->
                            generator.add(
                                    new BigInteger(entry.serialNumber(), 16),
                                    entry.revokedAt(),
                                    entry.reason(),
                                    entry.invalidityDate()));
            byte[] der = generator.sign(crlNumber);
            repository.save(crlNumber, revision, thisUpdate, next, der);

            cached = new Crl(crlNumber, der);
            log.info(
                    "CRL generation succeeded: crlNumber={}, entries={}, bytes={}, millis={}",
                    crlNumber,
                    generator.entries(),
                    der.length,
                    (System.nanoTime() - started) / 1_000_000);
            return der;
        } catch (RuntimeException e) {
            log.warn("CRL generation failed: crlNumber={}, error={}", crlNumber, e.toString());
            throw e;
        }
    }

    private byte[] latest(CrlState.Latest latest) {
        Crl crl = cached;
        if (crl != null && crl.number() == latest.crlNumber()) {
            return crl.der();
        }
        byte[] der = repository.der(latest.crlNumber());
        cached = new Crl(latest.crlNumber(), der);
        return der;
    }

    /**
     * Whether the latest CRL still counts: it covers the current revision and has lived less than
     * half of its period, so that relying parties get a new one well before {@code nextUpdate}.
     */
    private static boolean isCurrent(CrlState state, Instant now) {
        CrlState.Latest latest = state.latest();
        if (latest == null || latest.revision() < state.revision()) {
            return false;
        }
        Duration half = Duration.between(latest.thisUpdate(), latest.nextUpdate()).dividedBy(2);
        return now.isBefore(latest.thisUpdate().plus(half));
    }

    private record Crl(long number, byte[] der) {}
}
