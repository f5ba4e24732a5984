package io.github.mobileid.selfservice.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.util.FileSystemUtils;

/**
 * A database the benchmark runs on, made for the run and dropped after it. H2 is a file database,
 * as on the embedded default, so that its pages are not counted as the application's heap.
 */
record BenchDatabase(String name, Map<String, String> properties, Runnable drop) {

    static BenchDatabase h2(Path directory) {
        String url =
                "jdbc:h2:file:"
                        + directory.resolve("mobileid").toAbsolutePath()
                        + ";DB_CLOSE_ON_EXIT=FALSE";
        return new BenchDatabase(
                "h2",
                Map.of(
                        "spring.datasource.url", url,
                        "spring.datasource.username", "sa",
                        "spring.datasource.password", ""),
                () -> FileSystemUtils.deleteRecursively(directory.toFile()));
    }

    /**
     * A database of its own on the server that {@code server} names ({@code
     * jdbc:postgresql://host:port/}), dropped when the run is over.
     */
    static BenchDatabase postgres(String server, String user) {
        String database = "mobileid_bench_" + Long.toHexString(System.nanoTime());
        execute(server, user, "CREATE DATABASE " + database);
        return new BenchDatabase(
                "postgres",
                Map.of(
                        "spring.datasource.url",
                        server + database,
                        "spring.datasource.username",
                        user,
                        "spring.datasource.password",
                        "",
                        "camunda.bpm.database.type",
                        "postgres"),
                () ->
                        execute(
                                server,
                                user,
                                "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"));
    }

    private static void execute(String server, String user, String sql) {
        try (Connection c = DriverManager.getConnection(server + "postgres", user, "")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }
}
