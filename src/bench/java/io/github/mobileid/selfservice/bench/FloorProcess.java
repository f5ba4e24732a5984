package io.github.mobileid.selfservice.bench;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The engine's floor: a process of the lock's shape with delegates that do nothing. Like {@code
 * MobileIDSelfServiceProcLock} started by message, it runs two synchronous steps and a gateway in
 * the start's transaction, inside an embedded subprocess, then three asynchronous service tasks,
 * each its own job, and ends after the subprocess.
 */
final class FloorProcess {

    static final String KEY = "BenchFloorProcLock";
    static final String MESSAGE = "Msg_BenchFloorLock";
    static final String NO_OP_DELEGATE = "benchNoOpDelegate";

    private FloorProcess() {}

    /** The delegate every step calls; registered as a Spring bean under {@link #NO_OP_DELEGATE}. */
    static JavaDelegate noOpDelegate() {
        return execution -> {};
    }

    static void deploy(RepositoryService repositoryService) {
        repositoryService
                .createDeployment()
                .name("bench-floor")
                .addModelInstance(KEY + ".bpmn", model())
                .deploy();
    }

    private static BpmnModelInstance model() {
        String noOp = "${" + NO_OP_DELEGATE + "}";
        return Bpmn.createExecutableProcess(KEY)
                .camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_LockMessageReceived")
                .message(MESSAGE)
                .subProcess("SubProcess_LockMobileId")
                .embeddedSubProcess()
                .startEvent("StartEvent_LockSubprocessStarted")
                .serviceTask("ServiceTask_CheckLockRequest")
                .camundaDelegateExpression(noOp)
                .exclusiveGateway("Gateway_MobileIdActive")
                .serviceTask("ServiceTask_ClaimLock")
                .camundaDelegateExpression(noOp)
                .serviceTask("ServiceTask_LockMobileId")
                .camundaAsyncBefore()
                .camundaDelegateExpression(noOp)
                .serviceTask("ServiceTask_RevokeCertificatesInIdentityManager")
                .camundaAsyncBefore()
                .camundaDelegateExpression(noOp)
                .serviceTask("ServiceTask_RevokeCertificatesAtCa")
                .camundaAsyncBefore()
                .camundaDelegateExpression(noOp)
                .endEvent("EndEvent_MobileIdLocked")
                .subProcessDone()
                .endEvent("EndEvent_LockRequestFinished")
                .done();
    }
}
