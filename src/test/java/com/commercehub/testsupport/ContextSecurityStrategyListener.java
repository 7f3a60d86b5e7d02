package com.commercehub.testsupport;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Every Spring context with Vaadin installs its own security-context strategy into the JVM-wide
 * {@link SecurityContextHolder}, and the test framework keeps several contexts alive at once. Before
 * each test this points the holder back at the running context's strategy, so that signing in from
 * a test (static holder) and checking it in a service (the context's strategy) meet, whatever order
 * the contexts were created in. Registered in META-INF/spring.factories; runs before Spring
 * Security's {@code @WithMockUser} listener.
 */
public class ContextSecurityStrategyListener implements TestExecutionListener, Ordered {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        useStrategyOf(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        useStrategyOf(testContext);
    }

    private static void useStrategyOf(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        context.getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    @Override
    public int getOrder() {
        return 1500;
    }
}
