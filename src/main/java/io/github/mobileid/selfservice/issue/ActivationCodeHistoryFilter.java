package io.github.mobileid.selfservice.issue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the activation code out of the engine's history. The Tasklist form can show the code only
 * from process variables ({@code activationCode}, {@code activationQrCode}), so they live in the
 * runtime tables while the activation waits; this handler writes every other history event as usual
 * but none of those two variables, so that no used or expired code stays in the database.
 */
@Component
class ActivationCodeHistoryFilter extends AbstractProcessEnginePlugin {

    static final Set<String> SECRET_VARIABLES =
            Set.of(GetMobileIdService.ACTIVATION_CODE, GetMobileIdService.ACTIVATION_QR_CODE);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        // Handlers another plugin added are filtered too. The engine adds handlers of its own to
        // this list later, so it must be modifiable.
        var handlers = new ArrayList<HistoryEventHandler>();
        handlers.add(new Handler(new DbHistoryEventHandler()));
        List<HistoryEventHandler> others = configuration.getCustomHistoryEventHandlers();
        if (others != null) {
            others.forEach(other -> handlers.add(new Handler(other)));
        }
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    private record Handler(HistoryEventHandler delegate) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity variable
                    && SECRET_VARIABLES.contains(variable.getVariableName())) {
                return;
            }
            delegate.handleEvent(event);
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
