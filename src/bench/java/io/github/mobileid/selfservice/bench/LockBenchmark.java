package io.github.mobileid.selfservice.bench;

import io.github.mobileid.selfservice.Application;
import io.github.mobileid.selfservice.ca.CertificateAuthority;
import io.github.mobileid.selfservice.ca.CrlFigure;
import io.github.mobileid.selfservice.ca.ocsp.OcspFigure;
import io.github.mobileid.selfservice.idm.IdentityManager;
import io.github.mobileid.selfservice.issue.MobileIdIssuer;
import io.github.mobileid.selfservice.mobileid.MobileId;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The product against the engine's floor, in one JVM and one run, on H2 and, when a server is
 * given, on PostgreSQL: message-started locks per second next to a no-op process of the same shape,
 * the time from a lock request until OCSP answers {@code revoked}, CRL regeneration with 100,000
 * entries, OCSP responses per second, and the heap with the whole population of mobile IDs. Writes
 * {@code results.properties} and {@code results.md} to {@code bench.output}.
 *
 * <p>System properties, with their defaults: {@code bench.locks} (2000), {@code bench.population}
 * (100000 mobile IDs in all), {@code bench.rate} (20 locks per second for the latency), {@code
 * bench.latency-locks} (300), {@code bench.senders} (4 client threads), {@code bench.postgres}
 * (none; {@code jdbc:postgresql://host:port/}), {@code bench.postgres.user} ({@code postgres}),
 * {@code bench.output} ({@code target/bench}).
 */
public final class LockBenchmark {

    static final int WARM_UP = 200;
    private static final int CRL_ENTRIES = 100_000;

    private final Settings settings;
    private final Results results;

    private LockBenchmark(Settings settings, Results results) {
        this.settings = settings;
        this.results = results;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Files.createDirectories(settings.output());
        var results = new Results(settings);
        var benchmark = new LockBenchmark(settings, results);

        benchmark.run(BenchDatabase.h2(Files.createTempDirectory(settings.output(), "h2-")));
        if (!settings.postgres().isBlank()) {
            benchmark.run(BenchDatabase.postgres(settings.postgres(), settings.postgresUser()));
        }

        results.write(settings.output());
        System.out.println(results.markdown());
    }

    private void run(BenchDatabase database) throws Exception {
        System.out.printf("== %s: seeding %d mobile IDs%n", database.name(), settings.population());
        try (ConfigurableApplicationContext context = start(database)) {
            FloorProcess.deploy(context.getBean(RepositoryService.class));
            var issuer = context.getBean(MobileIdIssuer.class);
            int toLock = 2 * WARM_UP + settings.locks() + settings.latencyLocks();
            List<MobileId> lockable = Population.seed(issuer, 0, toLock);
            Population.seed(issuer, toLock, Math.max(0, settings.population() - toLock));
            var locks = new Locks(context.getBean(RuntimeService.class), lockable);

            System.out.printf("== %s: floor and lock throughput%n", database.name());
            locks.floorPerSecond(WARM_UP, settings.senders());
            locks.lockPerSecond(WARM_UP, settings.senders());
            double floor = locks.floorPerSecond(settings.locks(), settings.senders());
            double lock = locks.lockPerSecond(settings.locks(), settings.senders());
            results.put(database, "floor_per_s", floor);
            results.put(database, "lock_per_s", lock);
            results.put(database, "lock_to_floor_ratio", lock / floor);

            System.out.printf("== %s: time to revoked at %d/s%n", database.name(), settings.rate());
            long[] delays = revocationDelays(context, locks);
            results.put(database, "revoked_p50_ms", RevocationLatency.percentile(delays, 0.50));
            results.put(database, "revoked_p99_ms", RevocationLatency.percentile(delays, 0.99));
            locks.assertAllLockedWithoutIncident(context.getBean(JdbcTemplate.class));

            System.out.printf("== %s: CRL and OCSP%n", database.name());
            results.put(
                    database, "crl_100k_ms", CrlFigure.regenerationMillis(context, CRL_ENTRIES));
            var ocsp = new OcspFigure(context);
            OcspFigure.Figure revoked = ocsp.revoked(Duration.ofSeconds(3), Duration.ofSeconds(5));
            OcspFigure.Figure good = ocsp.good(Duration.ofSeconds(1), Duration.ofSeconds(5));
            results.put(database, "ocsp_per_s", revoked.perSecond());
            results.put(database, "ocsp_p99_ms", revoked.p99Millis());
            results.put(database, "ocsp_good_per_s", good.perSecond());
            results.put(database, "ocsp_good_p99_ms", good.p99Millis());

            results.put(database, "mobile_ids", count(context, "SELECT COUNT(*) FROM mobile_id"));
            results.put(database, "heap_after_gc_mb", heapAfterGcMegabytes());
        } finally {
            database.drop().run();
        }
    }

    private long[] revocationDelays(ConfigurableApplicationContext context, Locks locks)
            throws Exception {
        var identityManager = context.getBean(IdentityManager.class);
        var ca = context.getBean(CertificateAuthority.class);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        var latency =
                new RevocationLatency(
                        URI.create("http://localhost:" + port + "/ocsp"), ca.caCertificate());
        List<RevocationLatency.Lock> requests =
                locks.next(settings.latencyLocks()).stream()
                        .map(
                                m ->
                                        new RevocationLatency.Lock(
                                                locks.lockRequest(m),
                                                identityManager
                                                        .certificatesOf(m.id())
                                                        .get(0)
                                                        .serial()))
                        .toList();
        return latency.measure(requests, settings.rate());
    }

    private static long count(ConfigurableApplicationContext context, String sql) {
        return context.getBean(JdbcTemplate.class).queryForObject(sql, Long.class);
    }

    private static long heapAfterGcMegabytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    /**
     * The whole application as {@code java -jar} runs it, with its job executor, on the given
     * database; the test profile's own CA key store and no demo data. The settings are passed as
     * command-line arguments, so that they win over the test profile's.
     */
    private static ConfigurableApplicationContext start(BenchDatabase database) {
        Map<String, String> properties = new HashMap<>(database.properties());
        properties.put("server.port", "0");
        properties.put("camunda.bpm.job-execution.enabled", "true");
        properties.put("logging.level.root", "warn");
        properties.put("spring.main.banner-mode", "off");
        String[] args =
                properties.entrySet().stream()
                        .map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new);
        return new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.SERVLET)
                .profiles("test")
                .initializers(
                        context ->
                                context.getBeanFactory()
                                        .registerSingleton(
                                                FloorProcess.NO_OP_DELEGATE,
                                                FloorProcess.noOpDelegate()))
                .run(args);
    }

    /** The benchmark's settings, from system properties. */
    record Settings(
            int locks,
            int population,
            int rate,
            int latencyLocks,
            int senders,
            String postgres,
            String postgresUser,
            Path output) {

        static Settings fromSystemProperties() {
            return new Settings(
                    Integer.getInteger("bench.locks", 2000),
                    Integer.getInteger("bench.population", 100_000),
                    Integer.getInteger("bench.rate", 20),
                    Integer.getInteger("bench.latency-locks", 300),
                    Integer.getInteger("bench.senders", 4),
                    System.getProperty("bench.postgres", ""),
                    System.getProperty("bench.postgres.user", "postgres"),
                    Path.of(System.getProperty("bench.output", "target/bench")));
        }
    }
}
