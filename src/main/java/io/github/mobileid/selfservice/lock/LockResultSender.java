package io.github.mobileid.selfservice.lock;

import static io.github.mobileid.selfservice.lock.LockVariables.RESULT_CORRELATION_KEY;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reports a lock's result to the caller that asked for it: the message {@code resultMessageName}
 * goes to the one execution that waits for it and has the variable {@code resultCorrelationKey}
 * with the caller's key, first as its own (local) variable, as a multi-instance caller keeps it,
 * else as a variable of its process instance.
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
        List<Execution> waiting =
                runtimeService
                        .createExecutionQuery()
                        .messageEventSubscriptionName(request.messageName())
                        .variableValueEquals(RESULT_CORRELATION_KEY, request.correlationKey())
                        .list();
        if (waiting.isEmpty()) {
            waiting =
                    runtimeService
                            .createExecutionQuery()
                            .messageEventSubscriptionName(request.messageName())
                            .processVariableValueEquals(
                                    RESULT_CORRELATION_KEY, request.correlationKey())
                            .list();
        }
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

        runtimeService.messageEventReceived(request.messageName(), waiting.get(0).getId(), result);
        log.info(
                "Lock result sent: messageName={}, correlationKey={}, processInstanceId={},"
                        + " result={}",
                request.messageName(),
                request.correlationKey(),
                waiting.get(0).getProcessInstanceId(),
                result);
    }
}
