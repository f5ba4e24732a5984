package io.github.mobileid.selfservice.lock;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test with the job executor running the jobs as in production (the test profile turns it off
 * elsewhere), a short back-off for undelivered lock results, and the {@link LockFixture}. Test
 * classes with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "camunda.bpm.job-execution.enabled=true",
            "camunda.bpm.job-execution.core-pool-size=4",
            "camunda.bpm.job-execution.max-pool-size=8",
            "camunda.bpm.job-execution.queue-capacity=16",
            "camunda.bpm.job-execution.max-jobs-per-acquisition=8",
            "camunda.bpm.job-execution.wait-time-in-millis=500",
            "mobileid.lock.result-retry-back-off=PT1S,PT1S,PT2S,PT5S"
        })
@ActiveProfiles("test")
@Import(LockFixture.class)
public @interface JobExecutorTest {}
