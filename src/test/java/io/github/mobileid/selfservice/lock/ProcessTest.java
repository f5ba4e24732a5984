package io.github.mobileid.selfservice.lock;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process test: the whole application on the test profile (in-memory database, job executor off,
 * so the test executes each job itself), camunda-bpm-assert bound to its engine and the {@link
 * LockFixture}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("test")
@Import(LockFixture.class)
@ExtendWith(ProcessEngineAssertionsExtension.class)
public @interface ProcessTest {}
