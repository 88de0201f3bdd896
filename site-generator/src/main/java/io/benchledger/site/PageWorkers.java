package io.benchledger.site;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Renders page families that read nothing more from the archive (their data is in the
 * {@link SiteContext} and the comparisons already made) on the machine's other cores, while the
 * generating thread goes on with the pages that query the archive (one DuckDB connection, used by
 * one thread at a time). Every page is its own file, so the order of writing changes no byte.
 */
final class PageWorkers implements AutoCloseable {
    /** A page family's rendering. */
    interface Job {
        void run() throws Exception;
    }

    private final ExecutorService pool;
    private final List<Future<?>> submitted = new ArrayList<>();

    PageWorkers() {
        int threads = Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors() - 1));
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "site-pages");
            t.setDaemon(true);
            return t;
        });
    }

    void submit(Job job) {
        submitted.add(pool.submit(() -> {
            job.run();
            return null;
        }));
    }

    /** Waits for every job; the first failure is thrown as it was thrown. */
    void await() throws Exception {
        try {
            for (Future<?> f : submitted) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdownNow();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("page workers did not stop within a minute");
        }
    }
}
