package io.github.mobileid.selfservice.lock;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Binds camunda-bpm-assert to the engine of the test's Spring context, and afterwards forgets the
 * authenticated user and the engine clock a test may have set.
 */
class ProcessEngineAssertionsExtension implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        BpmnAwareTests.init(engine(context));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        engine(context).getIdentityService().clearAuthentication();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    private static ProcessEngine engine(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
    }
}
