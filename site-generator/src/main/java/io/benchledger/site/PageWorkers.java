package io.benchledger.site;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Renders page families that read nothing more from the archive (their data is in the
 * {@link SiteContext} and the comparisons already made) on the machine's other cores, while the
 * generating thread goes on with the pages that query the archive; and runs one task
 * {@linkplain #beside beside} it on a thread of its own (the comparisons, on a second DuckDB
 * connection: one connection runs one query at a time). Every page is its own file, so the order of
 * writing changes no byte.
 */
final class PageWorkers implements AutoCloseable {
    /** A page family's rendering. */
    interface Job {
        void run() throws Exception;
    }

    private final ExecutorService pool;
    private final ExecutorService beside;
    private final List<Future<?>> submitted = new ArrayList<>();

    PageWorkers() {
        // as many as cores: the generating thread mostly waits for DuckDB, and at the end for these
        int threads = Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors()));
        pool = Executors.newFixedThreadPool(threads, r -> daemon(r, "site-pages"));
        beside = Executors.newSingleThreadExecutor(r -> daemon(r, "site-beside"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Renders a page family on a worker (callable from any thread, the task beside included). */
    synchronized void submit(Job job) {
        submitted.add(pool.submit(() -> {
            job.run();
            return null;
        }));
    }

    /** Runs {@code task} on the thread beside the generating one; {@link #result} waits for it. */
    <T> Future<T> beside(Callable<T> task) {
        return beside.submit(task);
    }

    /** The result of a task {@linkplain #beside beside}; its failure is thrown as it was thrown. */
    static <T> T result(Future<T> task) throws Exception {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /**
     * Waits for every page family submitted so far; the first failure is thrown as it was thrown.
     * Call it once the task beside is done, so that what it submitted is waited for too.
     */
    void await() throws Exception {
        List<Future<?>> all;
        synchronized (this) {
            all = List.copyOf(submitted);
        }
        for (Future<?> f : all) {
            result(f);
        }
    }

    /** Stops the workers and the thread beside, waiting for what they are doing (a query cannot be interrupted). */
    @Override
    public void close() throws InterruptedException {
        pool.shutdownNow();
        beside.shutdownNow();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES) || !beside.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("page workers did not stop within a minute");
        }
    }
}
