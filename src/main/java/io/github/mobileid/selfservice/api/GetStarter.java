package io.github.mobileid.selfservice.api;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Starts "Get mobile ID" for a user and finds the task that the user goes on with in Tasklist: the
 * activation code, or the offer to lock the active mobile ID first.
 */
@Component
class GetStarter {

    static final String PROCESS = "MobileIDSelfServiceProcGet";

    private final RuntimeService runtimeService;
    private final TaskService taskService;

    GetStarter(RuntimeService runtimeService, TaskService taskService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    Map<String, String> start(String userId) {
        String processInstanceId =
                runtimeService.startProcessInstanceByKey(PROCESS, Map.of("userId", userId)).getId();
        return withTaskOf(processInstanceId, userId);
    }

    /** The process instance id, and the id of the user's open task in it when there is one. */
    Map<String, String> withTaskOf(String processInstanceId, String userId) {
        Task task =
                taskService
                        .createTaskQuery()
                        .processInstanceId(processInstanceId)
                        .taskAssignee(userId)
                        .singleResult();
        return task == null
                ? Map.of("processInstanceId", processInstanceId)
                : Map.of("processInstanceId", processInstanceId, "taskId", task.getId());
    }
}
