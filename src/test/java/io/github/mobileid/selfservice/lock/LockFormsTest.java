package io.github.mobileid.selfservice.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.github.mobileid.selfservice.idm.IdmCertificate;
import io.github.mobileid.selfservice.mobileid.MobileId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Camunda Forms are deployed with the processes and the engine serves them for Tasklist. */
@ProcessTest
class LockFormsTest {

    @Autowired LockFixture fixture;
    @Autowired RepositoryService repositoryService;
    @Autowired FormService formService;

    @Test
    void formsAreDeployedWithTheProcesses() {
        ProcessDefinition lock = latest(LockFixture.PROCESS);

        assertThat(repositoryService.getDeploymentResources(lock.getDeploymentId()))
                .extracting(Resource::getName)
                .contains(
                        "MobileIDSelfServiceProcLock.bpmn",
                        "MobileIDSelfServiceProcGet.bpmn",
                        "ConfirmLock.form",
                        "StartLockMobileId.form");
    }

    @Test
    void startFormIsTheDeployedCamundaForm() throws IOException {
        ProcessDefinition lock = latest(LockFixture.PROCESS);

        var startForm = formService.getStartFormData(lock.getId());

        assertThat(startForm.getCamundaFormRef().getKey()).isEqualTo("StartLockMobileId");
        assertThat(read(formService.getDeployedStartForm(lock.getId())))
                .contains("\"key\": \"reason\"", "\"value\": \"keyCompromise\"");
    }

    @Test
    void confirmTaskServesItsFormAndTheVariablesItShows() throws IOException {
        String user = fixture.newUser();
        MobileId mobileId = fixture.activeMobileIdOf(user);
        ProcessInstance lock = fixture.tasklistLockBy(user).start();
        Task task = task(lock);

        TaskFormData form = formService.getTaskFormData(task.getId());
        VariableMap variables = formService.getTaskFormVariables(task.getId());
        String deployedForm = read(formService.getDeployedTaskForm(task.getId()));

        assertThat(form.getCamundaFormRef().getKey()).isEqualTo("ConfirmLock");
        assertThat(form.getFormFields())
                .extracting(f -> f.getId())
                .containsExactly("decision", "getNewMobileId");
        assertThat(deployedForm)
                .contains(
                        "\"key\": \"decision\"",
                        "\"key\": \"getNewMobileId\"",
                        "{{certificateSummary}}");
        assertThat(variables)
                .containsEntry("mobileId", mobileId.id())
                .containsEntry("mobileIdDisplayName", "Test phone")
                .containsEntry("getNewMobileId", false);
        assertThat((String) variables.get("certificateSummary"))
                .contains(
                        fixture.snapshot(mobileId).identityManager().stream()
                                .map(IdmCertificate::serialNumber)
                                .toList())
                .contains("authentication certificate", "signature certificate");
    }

    private ProcessDefinition latest(String key) {
        return repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .latestVersion()
                .singleResult();
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
