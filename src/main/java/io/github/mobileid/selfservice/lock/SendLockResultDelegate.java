package io.github.mobileid.selfservice.lock;

import static io.github.mobileid.selfservice.lock.LockVariables.LOCK_IN_PROGRESS_BY;
import static io.github.mobileid.selfservice.lock.LockVariables.LOCK_OUTCOME;
import static io.github.mobileid.selfservice.lock.LockVariables.LOCK_PROCESS_INSTANCE_ID;
import static io.github.mobileid.selfservice.lock.LockVariables.MOBILE_ID;
import static io.github.mobileid.selfservice.lock.LockVariables.MOBILE_ID_STATE;
import static io.github.mobileid.selfservice.lock.LockVariables.NEW_MOBILE_ID;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Send lock result": see {@link LockResultSender}. */
@Component
class SendLockResultDelegate implements JavaDelegate {

    private final LockResultSender sender;

    SendLockResultDelegate(LockResultSender sender) {
        this.sender = sender;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var result = new HashMap<String, Object>();
        result.put(LOCK_OUTCOME, execution.getVariable(LOCK_OUTCOME));
        result.put(LOCK_PROCESS_INSTANCE_ID, execution.getProcessInstanceId());
        result.put(MOBILE_ID, execution.getVariable(MOBILE_ID));
        result.put(MOBILE_ID_STATE, execution.getVariable(MOBILE_ID_STATE));
        result.put(LOCK_IN_PROGRESS_BY, execution.getVariable(LOCK_IN_PROGRESS_BY));
        if (execution.getVariable(NEW_MOBILE_ID) != null) {
            result.put(NEW_MOBILE_ID, execution.getVariable(NEW_MOBILE_ID));
        }

        LockResultRequest.of(execution.getVariables())
                .ifPresent(request -> sender.send(request, Map.copyOf(withoutNulls(result))));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> variables) {
        variables.values().removeIf(v -> v == null);
        return variables;
    }
}
