package io.github.mobileid.selfservice.lock;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The timing of the lock process ({@code mobileid.lock.*}). The BPMN files read it through the bean
 * name {@code lockProperties}: {@code ${lockProperties.confirmationTimer}} for the timer on
 * "Confirm lock" and {@code ${lockProperties.retryTimeCycle}} for the retries of every service
 * task.
 */
@Component("lockProperties")
@ConfigurationProperties("mobileid.lock")
public class LockProperties {

    private Duration confirmationTimeout = Duration.ofHours(24);
    private List<Duration> retryBackOff =
            List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5));

    private List<Duration> resultRetryBackOff =
            List.of(
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(30),
                    Duration.ofMinutes(2),
                    Duration.ofMinutes(10),
                    Duration.ofHours(1));

    private Duration operatorResultTimeout = Duration.ofHours(1);

    public Duration getConfirmationTimeout() {
        return confirmationTimeout;
    }

    public void setConfirmationTimeout(Duration confirmationTimeout) {
        this.confirmationTimeout = confirmationTimeout;
    }

    public List<Duration> getRetryBackOff() {
        return retryBackOff;
    }

    public void setRetryBackOff(List<Duration> retryBackOff) {
        if (retryBackOff.isEmpty()) {
            throw new IllegalArgumentException("mobileid.lock.retry-back-off needs one duration");
        }
        this.retryBackOff = List.copyOf(retryBackOff);
    }

    public List<Duration> getResultRetryBackOff() {
        return resultRetryBackOff;
    }

    public void setResultRetryBackOff(List<Duration> resultRetryBackOff) {
        if (resultRetryBackOff.isEmpty()) {
            throw new IllegalArgumentException(
                    "mobileid.lock.result-retry-back-off needs one duration");
        }
        this.resultRetryBackOff = List.copyOf(resultRetryBackOff);
    }

    public Duration getOperatorResultTimeout() {
        return operatorResultTimeout;
    }

    public void setOperatorResultTimeout(Duration operatorResultTimeout) {
        this.operatorResultTimeout = operatorResultTimeout;
    }

    /** How long the operator's process waits for each lock's result, for its BPMN timer. */
    public String getOperatorResultTimer() {
        return operatorResultTimeout.toString();
    }

    /** The confirmation timeout as an ISO-8601 duration, for the BPMN timer. */
    public String getConfirmationTimer() {
        return confirmationTimeout.toString();
    }

    /**
     * The back-off as Camunda's {@code failedJobRetryTimeCycle}, for example {@code
     * PT10S,PT1M,PT5M}: a failed job is retried once after each duration, and the failure after the
     * last one raises an incident.
     */
    public String getRetryTimeCycle() {
        return timeCycle(retryBackOff);
    }

    /**
     * The back-off of "Send lock result" while the caller does not wait for the result yet, as a
     * {@code failedJobRetryTimeCycle}.
     */
    public String getResultRetryTimeCycle() {
        return timeCycle(resultRetryBackOff);
    }

    private static String timeCycle(List<Duration> backOff) {
        return backOff.stream().map(Duration::toString).collect(Collectors.joining(","));
    }
}
