package io.github.mobileid.selfservice.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups of the product and what Camunda lets each do, created on every start where missing (so
 * also in production, where the users themselves come from elsewhere):
 *
 * <ul>
 *   <li>{@code mobileid-users}: open Tasklist, start the two self-service processes. Their own
 *       tasks become visible to them through the engine's default authorization of an assignee;
 *       they get no permission on other users' tasks, instances or variables.
 *   <li>{@code mobileid-operators}: open Cockpit and Tasklist, read every instance, its variables
 *       and history of the mobile ID processes, start them, and retry failed jobs (update of
 *       process instances); no permission on tasks, so they cannot complete a user's confirmation.
 *   <li>{@code camunda-admin}: Camunda's admin group, which the engine lets do everything.
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthorizationSetup implements ApplicationRunner {

    static final List<String> PROCESSES =
            List.of("MobileIDSelfServiceProcLock", "MobileIDSelfServiceProcGet");

    /** Processes only operators start: they lock for other users. */
    static final List<String> OPERATOR_PROCESSES = List.of("MobileIDProcLockForOperator");

    static final String MY_TASKS_FILTER = "My Tasks";

    private static final Logger log = LoggerFactory.getLogger(AuthorizationSetup.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    AuthorizationSetup(
            IdentityService identityService,
            AuthorizationService authorizationService,
            FilterService filterService,
            TaskService taskService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        group(MobileIdGroups.USERS, "Mobile ID users");
        group(MobileIdGroups.OPERATORS, "Mobile ID operators");
        group(MobileIdGroups.ADMINS, "Camunda administrators");

        String users = MobileIdGroups.USERS;
        grant(users, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(users, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE);
        for (String process : PROCESSES) {
            grant(
                    users,
                    Resources.PROCESS_DEFINITION,
                    process,
                    ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
        }

        String operators = MobileIdGroups.OPERATORS;
        grant(operators, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(operators, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(
                operators,
                Resources.PROCESS_INSTANCE,
                "*",
                ProcessInstancePermissions.CREATE,
                ProcessInstancePermissions.READ,
                ProcessInstancePermissions.UPDATE,
                ProcessInstancePermissions.RETRY_JOB);
        for (String process :
                Stream.concat(PROCESSES.stream(), OPERATOR_PROCESSES.stream()).toList()) {
            grant(
                    operators,
                    Resources.PROCESS_DEFINITION,
                    process,
                    ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE,
                    ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                    ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                    ProcessDefinitionPermissions.UPDATE_INSTANCE,
                    ProcessDefinitionPermissions.RETRY_JOB);
        }

        // Camunda's webapps check the grants of the admin group too, as its own admin setup makes.
        for (Resources resource : Resources.values()) {
            grant(MobileIdGroups.ADMINS, resource, "*", Permissions.ALL);
        }

        String filterId = myTasksFilter();
        grant(users, Resources.FILTER, filterId, Permissions.READ);
        grant(operators, Resources.FILTER, filterId, Permissions.READ);
    }

    private void group(String id, String name) {
        if (identityService.isReadOnly()
                || identityService.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(MobileIdGroups.ADMINS.equals(id) ? "SYSTEM" : "WORKFLOW");
        identityService.saveGroup(group);
        log.info("Group created: groupId={}", id);
    }

    /** Tasklist shows nothing to a user without a filter: one for the user's own tasks. */
    private String myTasksFilter() {
        Filter existing =
                filterService.createFilterQuery().filterName(MY_TASKS_FILTER).singleResult();
        if (existing != null) {
            return existing.getId();
        }
        Filter filter =
                filterService
                        .newTaskFilter(MY_TASKS_FILTER)
                        .setQuery(
                                taskService
                                        .createTaskQuery()
                                        .taskAssigneeExpression("${currentUser()}"));
        filter.setProperties(Map.of("description", "Tasks assigned to me", "priority", -10));
        filterService.saveFilter(filter);
        return filter.getId();
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... wanted) {
        var existing =
                authorizationService
                        .createAuthorizationQuery()
                        .groupIdIn(groupId)
                        .resourceType(resource)
                        .resourceId(resourceId)
                        .authorizationType(AUTH_TYPE_GRANT)
                        .singleResult();
        var authorization =
                existing != null
                        ? existing
                        : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : wanted) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
