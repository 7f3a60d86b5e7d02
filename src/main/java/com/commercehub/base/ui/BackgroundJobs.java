package com.commercehub.base.ui;

import com.vaadin.flow.component.UI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs long work (imports, exports, re-syncs) off the UI thread as the signed-in user, and brings
 * the result back into the UI. While a job runs the UI polls, so progress shows without push.
 */
@Component
public class BackgroundJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);
    private static final int POLL_MILLIS = 400;

    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "hub-background");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Starts {@code work}; {@code onDone} or {@code onError} then run in the UI. The returned future
     * completes once that UI update is queued, which tests use to wait before a round trip.
     */
    public <T> CompletableFuture<T> run(UI ui, Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        var asUser = new DelegatingSecurityContextExecutor(executor, SecurityContextHolder.getContext());
        ui.setPollInterval(POLL_MILLIS);
        return CompletableFuture.supplyAsync(work, asUser).whenComplete((result, error) -> ui.access(() -> {
            ui.setPollInterval(-1);
            if (error == null) {
                onDone.accept(result);
            } else {
                Throwable cause = error.getCause() == null ? error : error.getCause();
                log.warn("Background job failed: {}", cause.toString());
                onError.accept(cause);
            }
        }));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
