package io.github.mobileid.selfservice.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.camunda.bpm.engine.RuntimeService;

/**
 * Instances per second of one process, from the moment the first start is sent to the moment the
 * job executor has ended the last instance: message starts from a few client threads, as callers of
 * the engine REST API send them, with every job run by the job executor.
 */
final class Throughput {

    private static final Duration AT_MOST = Duration.ofMinutes(20);

    private Throughput() {}

    static double perSecond(
            RuntimeService runtimeService, String processKey, int senders, List<Runnable> starts)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long begin = System.nanoTime();
        try {
            List<Future<?>> sent = new ArrayList<>(starts.size());
            starts.forEach(start -> sent.add(pool.submit(start)));
            for (Future<?> start : sent) {
                start.get();
            }
            awaitNoneRunning(runtimeService, processKey, begin);
        } finally {
            pool.shutdownNow();
        }

        double seconds = (System.nanoTime() - begin) / 1e9;
        return starts.size() / seconds;
    }

    private static void awaitNoneRunning(RuntimeService runtimeService, String key, long begin)
            throws Exception {
        while (runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count() > 0) {
            if (System.nanoTime() - begin > AT_MOST.toNanos()) {
                throw new TimeoutException(key + " instances still running after " + AT_MOST);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
