package io.github.mobileid.selfservice.bench;

import io.github.mobileid.selfservice.issue.MobileIdIssuer;
import io.github.mobileid.selfservice.mobileid.MobileId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Active mobile IDs with real certificates, seeded as the demo set seeds them ({@link
 * MobileIdIssuer}): one per user {@code benchuser-N}, on as many threads as there are cores.
 */
final class Population {

    private Population() {}

    static List<MobileId> seed(MobileIdIssuer issuer, int from, int count) throws Exception {
        ExecutorService pool =
                Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<MobileId>> futures = new ArrayList<>(count);
            IntStream.range(from, from + count)
                    .forEach(
                            i ->
                                    futures.add(
                                            pool.submit(
                                                    () ->
                                                            issuer.issue(
                                                                    "benchuser-%06d".formatted(i),
                                                                    "Bench phone " + i))));
            List<MobileId> seeded = new ArrayList<>(count);
            for (Future<MobileId> future : futures) {
                seeded.add(future.get());
            }
            return Collections.unmodifiableList(seeded);
        } finally {
            pool.shutdown();
        }
    }
}
