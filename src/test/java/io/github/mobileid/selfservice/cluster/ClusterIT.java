package io.github.mobileid.selfservice.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.web.client.RestClient;

/**
 * Camunda 7's cluster model: two nodes of the packaged application, each a JVM with its own job
 * executor, on one PostgreSQL database. 500 lock requests are spread over both, one node is killed
 * with SIGKILL half way, and still every mobile ID ends locked, each certificate revoked exactly
 * once at the CA, with no incident.
 *
 * <p>Runs when {@code -Dmobileid.test.postgres=jdbc:postgresql://host:port/} names a server (user
 * {@code postgres} unless {@code -Dmobileid.test.postgres.user} says otherwise); it makes a
 * database of its own and drops it afterwards.
 */
@EnabledIfSystemProperty(named = "mobileid.test.postgres", matches = "jdbc:postgresql:.+")
class ClusterIT {

    private static final int LOCKS = 500;
    private static final String ACTIVE_LOAD_USERS =
            "SELECT COUNT(*) FROM mobile_id WHERE state = 'active' AND user_id LIKE 'loaduser-%'";
    private static final String ADMIN_PASSWORD = "cluster-test-" + UUID.randomUUID();

    private final String server = System.getProperty("mobileid.test.postgres");
    private final String dbUser = System.getProperty("mobileid.test.postgres.user", "postgres");
    private final String database = "mobileid_cluster_" + Long.toHexString(System.nanoTime());
    private final List<Node> nodes = new ArrayList<>();
    private Path workDir;

    @BeforeEach
    void createDatabase() throws Exception {
        workDir = Files.createTempDirectory(Path.of("target"), "cluster-it-");
        try (Connection c = DriverManager.getConnection(server + "postgres", dbUser, "")) {
            c.createStatement().execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void stopNodesAndDropDatabase() throws SQLException {
        nodes.forEach(Node::kill);
        try (Connection c = DriverManager.getConnection(server + "postgres", dbUser, "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void locksSpreadOverTwoNodesAllCompleteWhenOneNodeIsKilled() throws Exception {
        Node survivor = startNode("node-a", true);
        JdbcClient db = database();
        // The node answers health checks while it still seeds its load users in one transaction.
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(2))
                .failFast("node-a stopped; see " + survivor.log(), () -> !survivor.isAlive())
                .until(() -> count(db, ACTIVE_LOAD_USERS) == LOCKS);
        Node victim = startNode("node-b", false);
        List<Map<String, Object>> targets =
                db.sql(
                                """
                                SELECT id, user_id FROM mobile_id
                                WHERE state = 'active' AND user_id LIKE 'loaduser-%'
                                ORDER BY id
                                """)
                        .query()
                        .listOfRows();
        assertThat(targets).hasSize(LOCKS);

        var sent = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<?>> requests = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Map<String, Object> target = targets.get(i);
            Node preferred = i % 2 == 0 ? survivor : victim;
            requests.add(
                    senders.submit(
                            () -> {
                                requestLock(preferred, survivor, target);
                                if (sent.incrementAndGet() == LOCKS / 2) {
                                    victim.kill();
                                }
                            }));
        }
        for (Future<?> request : requests) {
            request.get();
        }
        senders.shutdown();

        await().atMost(Duration.ofMinutes(6))
                .pollInterval(Duration.ofSeconds(2))
                .until(
                        () ->
                                count(
                                                        db,
                                                        "SELECT COUNT(*) FROM mobile_id WHERE"
                                                            + " user_id LIKE 'loaduser-%' AND state"
                                                            + " = 'locked'")
                                                == LOCKS
                                        && count(
                                                        db,
                                                        "SELECT COUNT(*) FROM act_ru_execution e"
                                                            + " JOIN act_re_procdef d ON"
                                                            + " e.proc_def_id_ = d.id_ WHERE d.key_"
                                                            + " = 'MobileIDSelfServiceProcLock'")
                                                == 0);
        assertThat(victim.isAlive()).isFalse();
        assertThat(count(db, "SELECT COUNT(*) FROM act_ru_incident")).isZero();
        assertThat(
                        count(
                                db,
                                """
                                SELECT COUNT(*) FROM idm_certificate i
                                JOIN mobile_id m ON m.id = i.mobile_id
                                JOIN ca_certificate c ON c.serial_number = i.serial_number
                                WHERE m.user_id LIKE 'loaduser-%' AND c.revoked_at IS NOT NULL
                                """))
                .isEqualTo(2L * LOCKS);
        assertThat(
                        count(
                                db,
                                """
                                SELECT COUNT(*) FROM (
                                    SELECT serial_number FROM ca_revocation_audit
                                    WHERE action = 'revoked'
                                    GROUP BY serial_number HAVING COUNT(*) > 1) twice
                                """))
                .isZero();
    }

    /** Sends the lock to the preferred node; a node that is gone is replaced by the survivor. */
    private void requestLock(Node preferred, Node survivor, Map<String, Object> target) {
        var body =
                Map.of(
                        "messageName",
                        "Msg_LockMobileID",
                        "processVariables",
                        Map.of(
                                "mobileId", Map.of("value", target.get("id")),
                                "userId", Map.of("value", target.get("user_id")),
                                "requestedBy", Map.of("value", "cluster-test"),
                                "reason", Map.of("value", "keyCompromise")));
        for (Node node : List.of(preferred, survivor)) {
            try {
                int status =
                        node.client()
                                .post()
                                .uri("/engine-rest/message")
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(body)
                                .exchange((request, response) -> response.getStatusCode().value());
                if (status < 500) {
                    return;
                }
            } catch (RuntimeException nodeGone) {
                // The request did not reach a live node: send it to the survivor.
            }
        }
        throw new AssertionError("No node took the lock of " + target.get("id"));
    }

    private Node startNode(String name, boolean seed) throws IOException {
        int port = freePort();
        var command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx384m",
                                "-jar",
                                applicationJar().toString(),
                                "--spring.profiles.active=postgres",
                                "--server.port=" + port,
                                "--spring.datasource.url=" + server + database,
                                "--spring.datasource.username=" + dbUser,
                                "--mobileid.ca.keystore-path=" + workDir.resolve("ca.p12"),
                                // A killed node's jobs are taken over once their lock expires.
                                "--camunda.bpm.job-execution.lock-time-in-millis=15000",
                                "--mobileid.lock.retry-back-off=PT1S,PT2S,PT5S"));
        if (seed) {
            command.add("--mobileid.demo.enabled=true");
            command.add("--mobileid.demo.extra-users=" + LOCKS);
        }
        var builder =
                new ProcessBuilder(command)
                        .directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(workDir.resolve(name + ".log").toFile());
        builder.environment().put("MOBILEID_CA_KEYSTORE_PASSWORD", "cluster-test-keystore");
        builder.environment().put("MOBILEID_ADMIN_PASSWORD", ADMIN_PASSWORD);
        var node = new Node(name, builder.start(), port, workDir.resolve(name + ".log"));
        nodes.add(node);

        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(2))
                .failFast("node " + name + " stopped; see " + node.log(), () -> !node.isAlive())
                .until(node::isUp);
        return node;
    }

    private JdbcClient database() {
        return JdbcClient.create(
                new SingleConnectionDataSource(server + database, dbUser, "", true));
    }

    private static long count(JdbcClient db, String sql) {
        return db.sql(sql).query(Long.class).single();
    }

    private static Path applicationJar() throws IOException {
        try (var jars = Files.list(Path.of("target"))) {
            return jars.filter(
                            p ->
                                    p.getFileName()
                                            .toString()
                                            .matches("mobileid-selfservice-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("Run 'mvn verify': no jar in target/"))
                    .toAbsolutePath();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Node(String name, Process process, int port, Path log) {

        RestClient client() {
            return RestClient.builder()
                    .baseUrl("http://localhost:" + port)
                    .defaultHeaders(h -> h.setBasicAuth("admin", ADMIN_PASSWORD))
                    .build();
        }

        boolean isUp() {
            try {
                String health =
                        RestClient.create("http://localhost:" + port)
                                .get()
                                .uri("/actuator/health")
                                .retrieve()
                                .body(String.class);
                return health != null && health.contains("\"UP\"");
            } catch (RuntimeException notYet) {
                return false;
            }
        }

        boolean isAlive() {
            return process.isAlive();
        }

        /** SIGKILL: the node gets no chance to finish or release anything. */
        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
