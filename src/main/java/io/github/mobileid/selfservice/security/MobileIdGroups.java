package io.github.mobileid.selfservice.security;

import org.camunda.bpm.engine.authorization.Groups;

/** The Camunda groups the application relies on. */
public final class MobileIdGroups {

    public static final String USERS = "mobileid-users";
    public static final String OPERATORS = "mobileid-operators";
    public static final String ADMINS = Groups.CAMUNDA_ADMIN;

    private MobileIdGroups() {}
}
