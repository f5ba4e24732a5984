package io.github.mobileid.selfservice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of a run: {@code results.properties} (H2's under their own names, PostgreSQL's with
 * the prefix {@code postgres_}) and the same as a Markdown table with the targets.
 */
final class Results {

    /** Each figure's name, what it is and its target, in the order of the table. */
    private static final List<String[]> FIGURES =
            List.of(
                    new String[] {
                        "floor_per_s", "floor: no-op process of the lock's shape, per s", ""
                    },
                    new String[] {"lock_per_s", "locks per second (message starts)", ""},
                    new String[] {"lock_to_floor_ratio", "lock / floor", "at least 0.85"},
                    new String[] {"revoked_p50_ms", "request to OCSP `revoked`, p50 (ms)", ""},
                    new String[] {
                        "revoked_p99_ms", "request to OCSP `revoked`, p99 (ms)", "under 2,000"
                    },
                    new String[] {
                        "crl_100k_ms", "new CRL with 100,000 entries (ms)", "under 1,000"
                    },
                    new String[] {
                        "ocsp_per_s", "OCSP responses per s, revoked serial", "at least 2,000"
                    },
                    new String[] {
                        "ocsp_p99_ms", "OCSP response p99, revoked serial (ms)", "under 10"
                    },
                    new String[] {
                        "ocsp_good_per_s", "OCSP responses per s, good serial", "at least 2,000"
                    },
                    new String[] {
                        "ocsp_good_p99_ms", "OCSP response p99, good serial (ms)", "under 10"
                    },
                    new String[] {"mobile_ids", "mobile IDs in the database", ""},
                    new String[] {
                        "heap_after_gc_mb", "heap after a full GC (MB), at most 512", "under 512"
                    });

    private final LockBenchmark.Settings settings;
    private final Map<String, Map<String, String>> byDatabase = new LinkedHashMap<>();

    Results(LockBenchmark.Settings settings) {
        this.settings = settings;
    }

    void put(BenchDatabase database, String name, double value) {
        String text =
                value == Math.rint(value) && Math.abs(value) < 1e15
                        ? Long.toString((long) value)
                        : "%.2f".formatted(value);
        byDatabase.computeIfAbsent(database.name(), d -> new LinkedHashMap<>()).put(name, text);
    }

    void write(Path directory) throws IOException {
        Map<String, String> figures = new TreeMap<>();
        figures.put("locks", Integer.toString(settings.locks()));
        figures.put("population", Integer.toString(settings.population()));
        figures.put("rate_per_s", Integer.toString(settings.rate()));
        figures.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        figures.put("heap_max_mb", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
        byDatabase.forEach(
                (database, values) ->
                        values.forEach(
                                (name, value) -> figures.put(prefix(database) + name, value)));

        // Sorted by name, one key=value a line: a properties file that diffs well between runs.
        var lines =
                new StringBuilder("# mvn -Pbench verify: results.md says what each figure is\n");
        figures.forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
        Files.writeString(directory.resolve("results.properties"), lines);
        Files.writeString(directory.resolve("results.md"), markdown());
    }

    String markdown() {
        var table = new StringBuilder();
        table.append("| figure | ").append(String.join(" | ", byDatabase.keySet()));
        table.append(" | target |\n| --- |").append(" ---: |".repeat(byDatabase.size()));
        table.append(" --- |\n");
        for (String[] figure : FIGURES) {
            table.append("| ").append(figure[1]).append(" (`").append(figure[0]).append("`) |");
            for (Map<String, String> figures : byDatabase.values()) {
                table.append(' ').append(figures.getOrDefault(figure[0], "—")).append(" |");
            }
            table.append(' ').append(figure[2].isEmpty() ? "—" : figure[2]).append(" |\n");
        }
        String note =
                "%d locks and floor instances after %d of each to warm up; %d mobile IDs; latency"
                        + " at %d locks/s; %d cores; heap at most %d MB.";
        table.append('\n')
                .append(
                        note.formatted(
                                settings.locks(),
                                LockBenchmark.WARM_UP,
                                settings.population(),
                                settings.rate(),
                                Runtime.getRuntime().availableProcessors(),
                                Runtime.getRuntime().maxMemory() >> 20))
                .append('\n');
        return table.toString();
    }

    private static String prefix(String database) {
        return "h2".equals(database) ? "" : database + "_";
    }
}
