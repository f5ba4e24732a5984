package io.github.mobileid.selfservice.security;

import java.util.Collection;
import org.camunda.bpm.engine.authorization.Groups;

/** The Camunda groups the application relies on. */
public final class MobileIdGroups {

    public static final String USERS = "mobileid-users";
    public static final String OPERATORS = "mobileid-operators";
    public static final String ADMINS = Groups.CAMUNDA_ADMIN;

    private MobileIdGroups() {}

    /**
     * Whether members of these groups may act on other users' mobile IDs (lock them, read them):
     * operators and admins may; self-service users act only on their own.
     */
    public static boolean mayActForOthers(Collection<String> groupIds) {
        return groupIds != null && (groupIds.contains(OPERATORS) || groupIds.contains(ADMINS));
    }
}
