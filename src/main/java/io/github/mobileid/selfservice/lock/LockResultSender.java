package io.github.mobileid.selfservice.lock;

import static io.github.mobileid.selfservice.lock.LockVariables.RESULT_CORRELATION_KEY;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reports a lock's result to the caller that asked for it: the message {@code resultMessageName}
 * goes to the one execution that waits for it and sees the variable {@code resultCorrelationKey}
 * with the caller's key, as its own variable or one of a scope around it (a multi-instance
 * subprocess keeps it per instance) or of its process instance.
 *
 * <p>Limitation: the caller is found by reading the key of every execution that waits for the
 * message name, so a message name shared by thousands of waiting callers makes each send slower;
 * give each kind of caller its own message name.
 *
 * <p>Camunda drops a message that no execution waits for, so a caller that is not waiting yet is
 * not skipped: the send fails, and its job is retried with {@code
 * mobileid.lock.result-retry-back-off} until the caller waits; after the last try an incident shows
 * the lock whose result found no caller.
 */
@Service
public class LockResultSender {

    static final String LOCK_MESSAGE = "Msg_LockMobileID";

    private static final Logger log = LoggerFactory.getLogger(LockResultSender.class);

    private final RuntimeService runtimeService;

    LockResultSender(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * @throws ProcessEngineException when no execution, or more than one, waits for the result
     */
    public void send(LockResultRequest request, Map<String, Object> result) {
        List<String> waiting = waitingExecutions(request);
        if (waiting.size() != 1) {
            log.warn(
                    "Lock result not sent, retried later: messageName={}, correlationKey={},"
                            + " waitingExecutions={}",
                    request.messageName(),
                    request.correlationKey(),
                    waiting.size());
            throw new ProcessEngineException(
                    ("No single caller waits for the lock result: %d executions wait for message"
                                    + " '%s' with resultCorrelationKey '%s'")
                            .formatted(
                                    waiting.size(),
                                    request.messageName(),
                                    request.correlationKey()));
        }

        runtimeService.messageEventReceived(request.messageName(), waiting.get(0), result);
        log.info(
                "Lock result sent: messageName={}, correlationKey={}, executionId={},"
                        + " result={}",
                request.messageName(),
                request.correlationKey(),
                waiting.get(0),
                result);
    }

    /**
     * The executions that wait for the message and see the variable {@code resultCorrelationKey}
     * with the key: their own, or that of a scope around them (as in a multi-instance subprocess),
     * or that of their process instance.
     */
    private List<String> waitingExecutions(LockResultRequest request) {
        return runtimeService
                .createEventSubscriptionQuery()
                .eventType("message")
                .eventName(request.messageName())
                .list()
                .stream()
                .map(EventSubscription::getExecutionId)
                .filter(id -> id != null)
                .distinct()
                .filter(
                        id ->
                                request.correlationKey()
                                        .equals(
                                                runtimeService.getVariable(
                                                        id, RESULT_CORRELATION_KEY)))
                .toList();
    }
}
