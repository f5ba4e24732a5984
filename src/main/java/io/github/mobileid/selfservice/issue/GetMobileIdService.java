package io.github.mobileid.selfservice.issue;

import io.github.mobileid.selfservice.mobileid.MobileId;
import io.github.mobileid.selfservice.mobileid.MobileIdService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The rules of the process "Get mobile ID" ({@code MobileIDSelfServiceProcGet}). */
@Service
public class GetMobileIdService {

    public static final String USER_ID = "userId";
    public static final String DISPLAY_NAME = "displayName";
    public static final String NEW_MOBILE_ID = "newMobileId";

    private static final Logger log = LoggerFactory.getLogger(GetMobileIdService.class);

    private final MobileIdIssuer issuer;
    private final MobileIdService mobileIds;
    private final Clock clock;

    GetMobileIdService(MobileIdIssuer issuer, MobileIdService mobileIds, Clock clock) {
        this.issuer = issuer;
        this.mobileIds = mobileIds;
        this.clock = clock;
    }

    /**
     * The defaults of a start: the mobile ID is for the logged-in user, who may ask only for their
     * own when starting the process directly; a calling process (the lock) names the user.
     *
     * @param authenticatedUserId the logged-in user, or null
     * @param calledByProcess whether another process instance called this one
     * @return the variables to set
     * @throws BadUserRequestException without a user, or for another user's mobile ID
     */
    public Map<String, Object> defaults(
            String authenticatedUserId, boolean calledByProcess, Map<String, Object> variables) {
        var defaults = new HashMap<String, Object>();
        Object userId = variables.get(USER_ID);
        if (userId == null) {
            if (authenticatedUserId == null) {
                throw new BadUserRequestException(
                        "The variable userId (String, who gets the mobile ID) is required");
            }
            defaults.put(USER_ID, authenticatedUserId);
        } else if (!(userId instanceof String)) {
            throw new BadUserRequestException(
                    "The variable userId must be a String, not a "
                            + userId.getClass().getSimpleName());
        } else if (!calledByProcess
                && authenticatedUserId != null
                && !authenticatedUserId.equals(userId)) {
            throw new BadUserRequestException(
                    "A user gets a mobile ID only for themselves: userId '%s' is not '%s'"
                            .formatted(userId, authenticatedUserId));
        }

        Object displayName = variables.get(DISPLAY_NAME);
        if (displayName == null) {
            defaults.put(
                    DISPLAY_NAME, "Mobile ID " + LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        } else if (!(displayName instanceof String)) {
            throw new BadUserRequestException("The variable displayName must be a String");
        }
        return defaults;
    }

    /**
     * Issues a new active mobile ID, unless this process instance recorded one already.
     *
     * <p>Why the record is checked: the issue (mobile ID, CA records, Identity Manager records) and
     * the completion of the job commit in one transaction, because the CA, the Identity Manager and
     * the engine share the application's data source and Spring transaction. A job that failed is
     * therefore retried only after a rollback that undid the issue, and it issues again as it
     * should. The record matters when the task runs once more after it committed, for example when
     * an operator starts it again by process instance modification: then the recorded mobile ID is
     * answered and no second one is issued. A CA outside the application's transaction (an external
     * CA) could keep certificates of a rolled-back attempt; they belong to no mobile ID and are
     * never used.
     *
     * @param alreadyIssued the instance's {@code newMobileId}, or null
     */
    public MobileId issueOnce(String userId, String displayName, String alreadyIssued) {
        if (alreadyIssued != null) {
            var recorded = mobileIds.find(alreadyIssued).filter(m -> m.isOwnedBy(userId));
            if (recorded.isPresent()) {
                log.info(
                        "Mobile ID issue skipped, already issued: mobileId={}, userId={}",
                        alreadyIssued,
                        userId);
                return recorded.get();
            }
        }

        MobileId issued = issuer.issue(userId, displayName);
        log.info("Mobile ID issued: mobileId={}, userId={}", issued.id(), userId);
        return issued;
    }
}
