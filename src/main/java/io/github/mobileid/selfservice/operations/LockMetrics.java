package io.github.mobileid.selfservice.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The lock's figures for Micrometer (and so for {@code /actuator/prometheus}): locks started, ended
 * by end event, failed (incidents raised), the time from the request to the CA's revocation, the
 * job executor's backlog and the open incidents.
 */
@Component
class LockMetrics {

    static final String LOCK_PROCESS = "MobileIDSelfServiceProcLock";

    private final MeterRegistry registry;
    private final Counter started;
    private final Counter failed;
    private final Timer requestToRevocation;

    LockMetrics(
            MeterRegistry registry,
            @Lazy ManagementService managementService,
            @Lazy RuntimeService runtimeService) {
        this.registry = registry;
        this.started =
                Counter.builder("mobileid.locks.started")
                        .description("Lock requests that started the lock process")
                        .register(registry);
        this.failed =
                Counter.builder("mobileid.locks.failed")
                        .description("Incidents raised by a lock step that ran out of retries")
                        .register(registry);
        this.requestToRevocation =
                Timer.builder("mobileid.locks.revocation.delay")
                        .description("Time from the lock request to the revocation at the CA")
                        .publishPercentiles(0.5, 0.99)
                        .register(registry);

        // Both queries run on every scrape; they count rows by indexed columns. Strong references:
        // a gauge holds its object weakly by default, and the services here are lazy proxies that
        // nothing else keeps, so the gauges would read NaN once they were collected.
        Gauge.builder(
                        "mobileid.jobs.executable",
                        managementService,
                        service -> service.createJobQuery().executable().count())
                .strongReference(true)
                .register(registry);
        Gauge.builder(
                        "mobileid.incidents.open",
                        runtimeService,
                        service -> service.createIncidentQuery().count())
                .strongReference(true)
                .register(registry);
    }

    void lockStarted() {
        started.increment();
    }

    /** Counts an ended lock by its {@code lockOutcome} (locked, alreadyLocked, cancelled...). */
    void lockEnded(String outcome) {
        registry.counter("mobileid.locks.ended", "outcome", outcome == null ? "none" : outcome)
                .increment();
    }

    void lockFailed() {
        failed.increment();
    }

    void revokedAtCa(Instant requestedAt) {
        requestToRevocation.record(Duration.between(requestedAt, Instant.now()));
    }
}
