package io.benchledger.collector.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the forked benchmark JVMs (the children of the JMH process) from /proc while they run:
 * peak resident memory ({@code VmHWM}, which the kernel keeps as a high-water mark), resident memory
 * over time ({@code VmRSS} every 100 ms, averaged per fork) and CPU time ({@code utime + stime}). Each child is attributed to the case running when it was first seen.
 * Linux only: elsewhere {@link #supported()} is false and nothing is sampled.
 */
public final class ProcessSampler implements AutoCloseable {
    /** Clock ticks per second of /proc/[pid]/stat times; 100 on every mainstream Linux (USER_HZ). */
    static final double TICKS_PER_SECOND = 100.0;
    private static final long PERIOD_MS = 100;

    /** One forked JVM as observed. */
    public record Fork(String caseKey, long pid, long peakRssBytes, double cpuSeconds, double wallSeconds,
                       double meanRssBytes) {
        /** CPU seconds per wall-clock second over the fork's life: 1.0 is one core kept busy. */
        public double cpuUtilisation() {
            return wallSeconds <= 0 ? Double.NaN : cpuSeconds / wallSeconds;
        }
    }

    private static final class Observed {
        final String caseKey;
        final long firstNanos;
        long lastNanos;
        long peakRss;
        long ticks;
        double rssSum;
        long rssCount;

        Observed(String caseKey, long now) {
            this.caseKey = caseKey;
            this.firstNanos = now;
            this.lastNanos = now;
        }
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "benchledger-proc-sampler");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Observed> seen = new LinkedHashMap<>();
    private volatile ProcessHandle host;
    /** Sample the watched process itself rather than its children (a load JVM has no forks). */
    private volatile boolean itself;
    private volatile String currentCase = "";

    public static boolean supported() {
        return Files.isReadable(Path.of("/proc/self/status"));
    }

    public ProcessSampler() {
        if (supported()) {
            timer.scheduleAtFixedRate(this::sample, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** The JMH process whose children are sampled. */
    public void watch(ProcessHandle jmh) {
        host = jmh;
    }

    /** A measuring JVM sampled itself (the load harness's fork), attributed to the given case. */
    public void watchProcess(ProcessHandle jvm, String caseKey) {
        itself = true;
        currentCase = caseKey;
        host = jvm;
    }

    public void caseStarted(String caseKey) {
        currentCase = caseKey;
    }

    private synchronized void sample() {
        ProcessHandle h = host;
        if (h == null || currentCase.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        (itself ? java.util.stream.Stream.of(h) : h.children()).forEach(child -> {
            long pid = child.pid();
            long[] stats = read(pid);
            if (stats == null) {
                return;
            }
            Observed o = seen.computeIfAbsent(pid, k -> new Observed(currentCase, now));
            o.lastNanos = now;
            o.peakRss = Math.max(o.peakRss, stats[0]);
            o.ticks = Math.max(o.ticks, stats[1]);
            o.rssSum += stats[2];
            o.rssCount++;
        });
    }

    /** {peak RSS bytes, CPU ticks, current RSS bytes} of a process, or null when it is gone. */
    static long[] read(long pid) {
        try {
            long hwm = 0;
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    hwm = Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024; // kB
                } else if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
                }
            }
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            // fields after the command name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
            return new long[] {hwm, ticks, rss};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The forks seen so far, in the order they were first seen. */
    public synchronized List<Fork> forks() {
        List<Fork> out = new ArrayList<>();
        for (Map.Entry<Long, Observed> e : seen.entrySet()) {
            Observed o = e.getValue();
            double wall = (o.lastNanos - o.firstNanos) / 1e9;
            out.add(new Fork(o.caseKey, e.getKey(), o.peakRss, o.ticks / TICKS_PER_SECOND, wall,
                    o.rssCount == 0 ? Double.NaN : o.rssSum / o.rssCount));
        }
        return out;
    }

    /** Samples once more (the last moments of a fork) and stops. */
    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** Forgets the forks of one JMH invocation once they have been taken. */
    public synchronized void reset() {
        seen.clear();
        currentCase = "";
        host = null;
        itself = false;
    }
}
