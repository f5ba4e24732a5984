package io.github.mobileid.selfservice.lock;

import static io.github.mobileid.selfservice.lock.LockVariables.RESULT_CORRELATION_KEY;
import static io.github.mobileid.selfservice.lock.LockVariables.RESULT_MESSAGE_NAME;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A caller's request to be told the lock's result: the message name and the correlation key it
 * chose.
 */
public record LockResultRequest(String messageName, String correlationKey) {

    /**
     * @return empty when the caller asked for no result
     * @throws BadUserRequestException when only one of the two variables is given, one is not a
     *     non-blank String, or the message is the lock's own start message
     */
    public static Optional<LockResultRequest> of(Map<String, Object> variables) {
        Object name = variables.get(RESULT_MESSAGE_NAME);
        Object key = variables.get(RESULT_CORRELATION_KEY);
        if (name == null && key == null) {
            return Optional.empty();
        }
        if (!(name instanceof String messageName)
                || messageName.isBlank()
                || !(key instanceof String correlationKey)
                || correlationKey.isBlank()) {
            throw new BadUserRequestException(
                    "A caller that wants the lock's result gives both resultMessageName and"
                            + " resultCorrelationKey, each a non-blank String");
        }
        if (messageName.equals(LockResultSender.LOCK_MESSAGE)) {
            throw new BadUserRequestException(
                    "The variable resultMessageName must not be the lock's own start message "
                            + LockResultSender.LOCK_MESSAGE);
        }
        return Optional.of(new LockResultRequest(messageName, correlationKey));
    }
}
