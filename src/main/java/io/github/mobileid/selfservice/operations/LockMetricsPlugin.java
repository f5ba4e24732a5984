package io.github.mobileid.selfservice.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link LockMetrics} from the engine without touching the process model: a BPMN parse
 * listener adds execution listeners to the lock process's start and end and its CA step, and an
 * incident handler counts the incidents of failed lock jobs.
 */
@Component
class LockMetricsPlugin extends AbstractProcessEnginePlugin {

    private static final String CA_STEP = "ServiceTask_RevokeCertificatesAtCa";

    private final LockMetrics metrics;

    LockMetricsPlugin(LockMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        var withMetrics =
                new ArrayList<BpmnParseListener>(listeners == null ? List.of() : listeners);
        withMetrics.add(new MetricsParseListener());
        configuration.setCustomPostBPMNParseListeners(withMetrics);

        List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers();
        var withCounter = new ArrayList<IncidentHandler>(handlers == null ? List.of() : handlers);
        withCounter.add(new CountingIncidentHandler());
        configuration.setCustomIncidentHandlers(withCounter);
    }

    private class MetricsParseListener extends AbstractBpmnParseListener {

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
            if (isLockProcess(definition)) {
                definition.addListener(
                        ExecutionListener.EVENTNAME_START,
                        (ExecutionListener) execution -> metrics.lockStarted());
                definition.addListener(
                        ExecutionListener.EVENTNAME_END,
                        (ExecutionListener)
                                execution ->
                                        metrics.lockEnded(
                                                (String) execution.getVariable("lockOutcome")));
            }
        }

        @Override
        public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (isLockProcess(activity.getProcessDefinition())
                    && CA_STEP.equals(activity.getId())) {
                activity.addListener(
                        ExecutionListener.EVENTNAME_END,
                        (ExecutionListener)
                                execution -> metrics.revokedAtCa(requestedAt(execution)));
            }
        }

        /** The start of the lock process instance, from the history (level full or activity). */
        private static Instant requestedAt(DelegateExecution execution) {
            return execution
                    .getProcessEngineServices()
                    .getHistoryService()
                    .createHistoricProcessInstanceQuery()
                    .processInstanceId(execution.getProcessInstanceId())
                    .singleResult()
                    .getStartTime()
                    .toInstant();
        }

        private static boolean isLockProcess(ProcessDefinitionImpl definition) {
            return definition instanceof ProcessDefinitionEntity entity
                    && LockMetrics.LOCK_PROCESS.equals(entity.getKey());
        }
    }

    /** Camunda's handler for failed jobs, counting the lock's incidents as it raises them. */
    private class CountingIncidentHandler extends DefaultIncidentHandler {

        CountingIncidentHandler() {
            super(Incident.FAILED_JOB_HANDLER_TYPE);
        }

        @Override
        public Incident handleIncident(IncidentContext context, String message) {
            Incident incident = super.handleIncident(context, message);
            String definitionId = context.getProcessDefinitionId();
            if (definitionId != null
                    && LockMetrics.LOCK_PROCESS.equals(
                            Context.getProcessEngineConfiguration()
                                    .getDeploymentCache()
                                    .findDeployedProcessDefinitionById(definitionId)
                                    .getKey())) {
                metrics.lockFailed();
            }
            return incident;
        }
    }
}
