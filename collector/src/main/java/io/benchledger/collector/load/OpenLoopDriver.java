package io.benchledger.collector.load;

import io.benchledger.workload.Request;
import io.benchledger.workload.Stage;
import io.benchledger.workload.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The open-loop load generator: one scheduler thread issues requests at their intended times
 * (rate steps after a warm-up at the first step's rate), whether or not earlier requests have
 * finished, onto {@code concurrency} workers. Every latency is measured from the request's intended
 * start, so time spent waiting for a worker counts: coordinated omission is corrected by
 * construction, not estimated afterwards.
 *
 * <p>Requests whose intended start lies in the measured window are recorded; warm-up requests run
 * but are not. A request still queued when its timeout has passed is dropped and counted as a
 * timeout; one that completes after its timeout counts as a timeout and its latency is recorded.
 */
public final class OpenLoopDriver {
    static final long INTERVAL_NANOS = 1_000_000_000L;

    private final Workload workload;
    private final WorkloadSpec spec;
    private final WorkloadSpec.RatePlan plan;
    private final long seed;
    private final Consumer<String> progress;

    public OpenLoopDriver(Workload workload, WorkloadSpec spec, WorkloadSpec.RatePlan plan, long seed,
                          Consumer<String> progress) {
        this.workload = workload;
        this.spec = spec;
        this.plan = plan;
        this.seed = seed;
        this.progress = progress;
    }

    /** Runs the warm-up and the measured window; returns when every issued request is done or dropped. */
    public LoadOutcome run() throws InterruptedException {
        Map<String, Stage> stages = workload.stages();
        long windowNanos = plan.measuredMillis(spec.durationMillis()) * 1_000_000L;
        int intervals = (int) Math.max(1, (windowNanos + INTERVAL_NANOS - 1) / INTERVAL_NANOS);
        Recorders rec = new Recorders(intervals, spec.operations());
        long timeout = spec.timeoutMillis() * 1_000_000L;
        Workers workers = Workers.of(spec.threads(), spec.concurrency());

        long t0 = System.nanoTime() + 10_000_000L; // a moment for the workers to start
        long ws = t0 + spec.warmupMillis() * 1_000_000L; // measured window [ws, we)
        long we = ws + windowNanos;
        Schedule schedule = new Schedule(plan, spec.durationMillis(), t0, ws);
        SplittableRandom random = new SplittableRandom(seed);
        double[] cumulative = cumulativeWeights(spec.operations());
        long seq = 0;
        long nextReport = ws;
        for (long intended = schedule.first(); intended < we; intended = schedule.next(intended)) {
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            WorkloadSpec.Operation op = spec.operations().get(pick(cumulative, random.nextDouble()));
            boolean[] runs = new boolean[op.stages().size()];
            for (int i = 0; i < runs.length; i++) {
                double p = op.stages().get(i).probability();
                runs[i] = p >= 1 || random.nextDouble() < p;
            }
            boolean measured = intended >= ws;
            int interval = (int) ((intended - ws) / INTERVAL_NANOS);
            if (measured) {
                rec.issued[interval].increment();
            }
            workers.submit(new Task(seq++, intended, measured, interval, op, runs, stages, rec, timeout, ws, we));
            if (intended >= nextReport && progress != null) {
                progress.accept(String.format("progress %d %d", (intended - ws) / INTERVAL_NANOS, windowNanos / INTERVAL_NANOS));
                nextReport += INTERVAL_NANOS;
            }
        }
        // drain: queued requests either run or are dropped once past their timeout
        boolean drained = workers.finish(timeout + 10 * INTERVAL_NANOS);
        return rec.outcome(windowNanos / 1e9, drained);
    }

    static double[] cumulativeWeights(List<WorkloadSpec.Operation> ops) {
        double[] c = new double[ops.size()];
        double sum = 0;
        for (int i = 0; i < c.length; i++) {
            sum += ops.get(i).weight();
            c[i] = sum;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= sum;
        }
        return c;
    }

    /** The operation whose cumulative share first exceeds u ∈ [0, 1). */
    static int pick(double[] cumulative, double u) {
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /**
     * Intended start times: warm-up at the first step's rate from t0, then each step's rate for its
     * length from the window's start; evenly spaced (1/rate apart) within a step.
     */
    static final class Schedule {
        private final long[] starts;
        private final long[] ends;
        private final double[] gaps;
        private final long t0;
        private final long ws;

        Schedule(WorkloadSpec.RatePlan plan, long durationMillis, long t0, long ws) {
            int n = plan.steps().size();
            starts = new long[n + 1];
            ends = new long[n + 1];
            gaps = new double[n + 1];
            this.t0 = t0;
            this.ws = ws;
            starts[0] = t0;
            ends[0] = ws;
            gaps[0] = 1e9 / plan.steps().get(0).rate();
            long at = ws;
            for (int i = 0; i < n; i++) {
                WorkloadSpec.Step s = plan.steps().get(i);
                long len = (s.millis() == 0 ? durationMillis : s.millis()) * 1_000_000L;
                starts[i + 1] = at;
                ends[i + 1] = at + len;
                gaps[i + 1] = 1e9 / s.rate();
                at += len;
            }
        }

        long first() {
            return ws > t0 ? t0 : ws;
        }

        /** The next intended time after t: t + gap within its step, or the next step's start. */
        long next(long t) {
            for (int i = 0; i < starts.length; i++) {
                if (t >= starts[i] && t < ends[i]) {
                    // from the step's start, so rounding does not accumulate
                    long k = (long) Math.floor((t - starts[i]) / gaps[i] + 1e-9) + 1;
                    long n = starts[i] + (long) Math.ceil(k * gaps[i] - 1e-9);
                    if (n < ends[i]) {
                        return n;
                    }
                    return i + 1 < starts.length ? starts[i + 1] : Long.MAX_VALUE;
                }
            }
            return Long.MAX_VALUE;
        }
    }

    /** One request: its stages in order, timed, and its latency from the intended start. */
    private static final class Task implements Runnable, Request {
        final long sequence;
        final long intended;
        final boolean measured;
        final int interval;
        final WorkloadSpec.Operation op;
        final boolean[] runs;
        final Map<String, Stage> stages;
        final Recorders rec;
        final long timeout;
        final long ws;
        final long we;
        private Map<String, Object> values;

        Task(long sequence, long intended, boolean measured, int interval, WorkloadSpec.Operation op, boolean[] runs,
             Map<String, Stage> stages, Recorders rec, long timeout, long ws, long we) {
            this.sequence = sequence;
            this.intended = intended;
            this.measured = measured;
            this.interval = interval;
            this.op = op;
            this.runs = runs;
            this.stages = stages;
            this.rec = rec;
            this.timeout = timeout;
            this.ws = ws;
            this.we = we;
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            if (start - intended > timeout) {
                if (measured) {
                    rec.timeouts.increment(); // dropped: it would have started too late to matter
                }
                return;
            }
            if (measured) {
                rec.queue.record(interval, start - intended);
            }
            for (int i = 0; i < runs.length; i++) {
                if (!runs[i]) {
                    continue;
                }
                String name = op.stages().get(i).name();
                long s = System.nanoTime();
                try {
                    stages.get(name).run(this);
                } catch (Exception | Error e) {
                    if (measured) {
                        rec.errors.increment();
                        rec.firstError.compareAndSet("", name + ": " + e);
                    }
                    return;
                }
                if (measured) {
                    rec.stages.get(name).record(interval, System.nanoTime() - s);
                }
            }
            long end = System.nanoTime();
            boolean late = end - intended > timeout;
            if (!late && end >= ws && end < we) {
                // throughput counts every completion in the window, warm-up requests finishing late included
                rec.completed[(int) ((end - ws) / INTERVAL_NANOS)].increment();
            }
            if (!measured) {
                return;
            }
            rec.request.record(interval, end - intended);
            if (late) {
                rec.timeouts.increment();
            } else {
                rec.ok.increment();
            }
        }

        @Override
        public long sequence() {
            return sequence;
        }

        @Override
        public String operation() {
            return op.name();
        }

        @Override
        public Object get(String key) {
            return values == null ? null : values.get(key);
        }

        @Override
        public void put(String key, Object value) {
            if (values == null) {
                values = new HashMap<>();
            }
            values.put(key, value);
        }
    }

    /** Everything recorded for the measured window. */
    private static final class Recorders {
        final LatencyRecorder request;
        final LatencyRecorder queue;
        final Map<String, LatencyRecorder> stages = new LinkedHashMap<>();
        final LongAdder[] issued;
        final LongAdder[] completed;
        final LongAdder ok = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder timeouts = new LongAdder();
        final AtomicReference<String> firstError = new AtomicReference<>("");

        Recorders(int intervals, List<WorkloadSpec.Operation> ops) {
            request = new LatencyRecorder(intervals);
            queue = new LatencyRecorder(intervals);
            for (WorkloadSpec.Operation op : ops) {
                for (WorkloadSpec.StageRef s : op.stages()) {
                    stages.computeIfAbsent(s.name(), k -> new LatencyRecorder(intervals));
                }
            }
            issued = adders(intervals);
            completed = adders(intervals);
        }

        private static LongAdder[] adders(int n) {
            LongAdder[] a = new LongAdder[n];
            for (int i = 0; i < n; i++) {
                a[i] = new LongAdder();
            }
            return a;
        }

        LoadOutcome outcome(double windowSeconds, boolean drained) {
            long issuedAll = 0;
            long completedAll = 0;
            List<Double> targets = new ArrayList<>();
            List<Double> achieved = new ArrayList<>();
            for (int i = 0; i < issued.length; i++) {
                double len = Math.min(1.0, windowSeconds - i); // the last second may be partial
                issuedAll += issued[i].sum();
                completedAll += completed[i].sum();
                targets.add(issued[i].sum() / len);
                achieved.add(completed[i].sum() / len);
            }
            long t = timeouts.sum();
            if (!drained) { // requests still running after the drain time: timeouts too
                t += Math.max(0, issuedAll - ok.sum() - errors.sum() - t);
            }
            Map<String, LoadOutcome.Latency> s = new LinkedHashMap<>();
            stages.forEach((k, v) -> s.put(k, v.summary()));
            return new LoadOutcome(issuedAll / windowSeconds, completedAll / windowSeconds, issuedAll, ok.sum(),
                    errors.sum(), t, request.summary(), queue.summary(), s, targets, achieved, firstError.get());
        }
    }

    /** The worker threads: a fixed pool of platform threads, or virtual threads behind a semaphore. */
    interface Workers {
        void submit(Runnable task);

        /** Stops accepting, waits up to the given time for the queue to empty; false when it did not. */
        boolean finish(long nanos) throws InterruptedException;

        static Workers of(String threads, int concurrency) {
            if (WorkloadSpec.VIRTUAL.equals(threads)) {
                ExecutorService ex = VirtualThreads.executor();
                Semaphore permits = new Semaphore(concurrency, true);
                return new Pool(ex, task -> () -> {
                    permits.acquireUninterruptibly();
                    try {
                        task.run();
                    } finally {
                        permits.release();
                    }
                });
            }
            ThreadPoolExecutor ex = new ThreadPoolExecutor(concurrency, concurrency, 0, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "benchledger-load-worker");
                        t.setDaemon(true);
                        return t;
                    });
            ex.prestartAllCoreThreads();
            return new Pool(ex, task -> task);
        }
    }

    private record Pool(ExecutorService ex, java.util.function.UnaryOperator<Runnable> wrap) implements Workers {
        @Override
        public void submit(Runnable task) {
            ex.execute(wrap.apply(task));
        }

        @Override
        public boolean finish(long nanos) throws InterruptedException {
            ex.shutdown();
            return ex.awaitTermination(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
