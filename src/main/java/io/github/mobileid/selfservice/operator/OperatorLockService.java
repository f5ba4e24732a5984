package io.github.mobileid.selfservice.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mobileid.selfservice.lock.LockOutcome;
import io.github.mobileid.selfservice.lock.LockProperties;
import io.github.mobileid.selfservice.lock.LockRequest;
import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdService;
import io.github.mobileid.selfservice.mobileid.MobileIdState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;

/**
 * The rules of "Lock mobile IDs for a user" ({@code MobileIDProcLockForOperator}): which mobile IDs
 * the operator may choose, which are locked, and the summary at the end. The BPMN file calls {@link
 * #mobileIdsToLock} by the bean name {@code operatorLockService}.
 */
@Service("operatorLockService")
public class OperatorLockService {

    static final String ALL = "all";

    private final MobileIdService mobileIds;
    private final LockProperties lockProperties;
    private final ObjectMapper json = new ObjectMapper();

    OperatorLockService(MobileIdService mobileIds, LockProperties lockProperties) {
        this.mobileIds = mobileIds;
        this.lockProperties = lockProperties;
    }

    /**
     * Checks the start: an operator, a known user and a reason that fits a lock.
     *
     * @throws BadUserRequestException naming what is wrong
     */
    public void checkStart(String operatorId, Object userId, Object reason) {
        if (operatorId == null) {
            throw new BadUserRequestException(
                    "Lock mobile IDs for a user is started by a logged-in operator");
        }
        var variables = new HashMap<String, Object>();
        variables.put("userId", userId);
        variables.put("reason", reason);
        LockRequest.of(variables);
        if (mobileIds.findByUser((String) userId).isEmpty()) {
            throw new BadUserRequestException("User '%s' has no mobile ID".formatted(userId));
        }
    }

    /** The choices for the operator: all active mobile IDs, then each one. */
    public List<Map<String, String>> options(String userId) {
        List<MobileId> active = active(userId);
        var options = new ArrayList<Map<String, String>>();
        options.add(
                Map.of(
                        "label",
                        "All active mobile IDs (%d)".formatted(active.size()),
                        "value",
                        ALL));
        for (MobileId m : active) {
            options.add(
                    Map.of(
                            "label",
                            "%s (id %s)".formatted(m.displayName(), m.id()),
                            "value",
                            m.id()));
        }
        return options;
    }

    public int activeCount(String userId) {
        return active(userId).size();
    }

    /**
     * The mobile IDs the operator chose: every active one of the user for {@code all}, else the one
     * named, which must be an active mobile ID of the user.
     *
     * @throws BadUserRequestException for any other choice, so that the choice is not taken
     */
    public List<String> mobileIdsToLock(String userId, Object choice) {
        List<String> active = active(userId).stream().map(MobileId::id).toList();
        if (ALL.equals(choice)) {
            return active;
        }
        if (choice instanceof String id && active.contains(id)) {
            return List.of(id);
        }
        throw new BadUserRequestException(
                "mobileIdChoice must be 'all' or an active mobile ID of user '%s', not %s"
                        .formatted(userId, choice));
    }

    /**
     * The summary for the operator: the counts, then one line per mobile ID of the user, with the
     * outcome of its lock, or its state where no lock was started for it.
     */
    public Summary summarize(String userId, List<LockResultEntry> results) {
        Map<String, LockResultEntry> byMobileId =
                results.stream()
                        .collect(
                                Collectors.toMap(
                                        LockResultEntry::mobileId,
                                        Function.identity(),
                                        (a, b) -> b,
                                        LinkedHashMap::new));
        int locked = 0;
        int alreadyLocked = 0;
        int failed = 0;
        var lines = new ArrayList<String>();
        for (MobileId m : mobileIds.findByUser(userId)) {
            LockResultEntry result = byMobileId.get(m.id());
            String line;
            if (result != null && LockOutcome.LOCKED.value().equals(result.outcome())) {
                locked++;
                line = "locked";
            } else if (result != null && LockOutcome.ALREADY_LOCKED.value().equals(result.outcome())
                    || result == null && m.state() == MobileIdState.LOCKED) {
                alreadyLocked++;
                line = "already locked";
            } else if (result != null) {
                failed++;
                line = "failed: " + failure(result);
            } else {
                line = "not locked: %s, not chosen".formatted(m.state().value());
            }
            lines.add("- %s (id %s): %s".formatted(m.displayName(), m.id(), line));
        }
        String text =
                "Locked: %d, already locked: %d, failed: %d%n%n%s"
                        .formatted(locked, alreadyLocked, failed, String.join("\n", lines));
        return new Summary(text, locked, alreadyLocked, failed);
    }

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    List<LockResultEntry> resultsOf(String text) {
        try {
            return text == null
                    ? List.of()
                    : json.readValue(text, new TypeReference<List<LockResultEntry>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The variable lockResults is not readable", e);
        }
    }

    private String failure(LockResultEntry result) {
        if (LockResultEntry.NO_RESULT.equals(result.outcome())) {
            return "no result within %s (see lock process instance %s in Cockpit)"
                    .formatted(
                            lockProperties.getOperatorResultTimeout(),
                            result.lockProcessInstanceId());
        }
        if (LockOutcome.LOCK_IN_PROGRESS.value().equals(result.outcome())) {
            return "another lock of it is in progress (process instance %s)"
                    .formatted(result.lockInProgressBy());
        }
        return "%s (process instance %s)"
                .formatted(result.outcome(), result.lockProcessInstanceId());
    }

    private List<MobileId> active(String userId) {
        return mobileIds.findByUser(userId).stream()
                .filter(m -> m.state() == MobileIdState.ACTIVE)
                .toList();
    }

    /** The summary text and its counts. */
    public record Summary(String text, int locked, int alreadyLocked, int failed) {}
}
