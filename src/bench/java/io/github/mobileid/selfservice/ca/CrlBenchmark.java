package io.github.mobileid.selfservice.ca;

import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long the CA takes to make a new CRL with 10,000 and 100,000 revoked certificates.
 *
 * <p>{@code regenerateFromDatabase} is what a request for the CRL costs after a revocation: read
 * every revoked row from {@code ca_certificate} (in-memory H2), build and sign the CRL, store it in
 * {@code ca_crl}. {@code generateInMemory} is the building and signing alone. The entries are
 * {@link RevokedRows}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class CrlBenchmark {

    @Param({"10000", "100000"})
    int entries;

    private ConfigurableApplicationContext context;
    private CrlPublisher publisher;
    private CaSigner signer;
    private JdbcTemplate jdbc;
    private List<Object[]> rows;

    @Setup(Level.Trial)
    public void revokeCertificates() {
        context = BenchmarkApplication.start();
        publisher = context.getBean(CrlPublisher.class);
        signer = context.getBean(CaSigner.class);
        jdbc = context.getBean(JdbcTemplate.class);

        rows = RevokedRows.insert(jdbc, entries);
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    @Benchmark
    public byte[] regenerateFromDatabase() {
        RevokedRows.bumpRevision(jdbc);
        return publisher.currentCrl();
    }

    @Benchmark
    public byte[] generateInMemory() {
        Instant now = Instant.now();
        var generator = new CrlGenerator(signer, now, now.plus(1, ChronoUnit.DAYS));
        for (Object[] row : rows) {
            Timestamp invalidity = (Timestamp) row[5];
            generator.add(
                    new BigInteger((String) row[0], 16),
                    ((Timestamp) row[3]).toInstant(),
                    RevocationReason.parse((String) row[4]),
                    invalidity == null ? null : invalidity.toInstant());
        }
        return generator.sign(1);
    }
}
