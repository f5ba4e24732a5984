package io.github.mobileid.selfservice.api;

import io.github.mobileid.selfservice.mobileid.MobileId;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Starts the lock process with the message that other processes and systems use too. */
@Component
class LockStarter {

    static final String MESSAGE = "Msg_LockMobileID";

    private final RuntimeService runtimeService;

    LockStarter(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    String start(MobileId mobileId, String requestedBy, LockCommand command) {
        var variables =
                Variables.createVariables()
                        .putValue("mobileId", mobileId.id())
                        .putValue("userId", mobileId.userId())
                        .putValue("requestedBy", requestedBy)
                        .putValue("getNewMobileId", Boolean.TRUE.equals(command.getNewMobileId()))
                        .putValue(
                                "confirmationRequired",
                                !Boolean.FALSE.equals(command.confirmationRequired()));
        if (command.reason() != null) {
            variables.putValue("reason", command.reason());
        }

        return runtimeService
                .createMessageCorrelation(MESSAGE)
                .processInstanceBusinessKey(mobileId.id())
                .setVariables(variables)
                .correlateStartMessage()
                .getId();
    }
}
