package io.benchledger.suites.concurrency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Operations whose scaling over threads differs: contended counters (an atomic, a lock, a
 * LongAdder), a shared concurrent map, and independent hashing. The suite configuration runs this
 * class at 1, 2, 4, 8, 16 and 32 threads (JMH's {@code -t}); the thread count is part of each case key, so
 * the same benchmark at different thread counts gives the speed-up and parallel efficiency.
 * Scores are total throughput across all threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SharedStateBenchmark {
    private static final int KEYS = 1 << 14;

    private final AtomicLong atomic = new AtomicLong();
    private final LongAdder adder = new LongAdder();
    private final ReentrantLock lock = new ReentrantLock();
    private long locked;
    private final ConcurrentHashMap<Integer, Integer> map = new ConcurrentHashMap<>();

    @Setup
    public void fill() {
        for (int i = 0; i < KEYS; i++) {
            map.put(i, i);
        }
    }

    /** Per-thread state of the independent work. */
    @State(Scope.Thread)
    public static class Local {
        final byte[] data = new byte[1024];
        MessageDigest sha256;

        @Setup
        public void setup() throws NoSuchAlgorithmException {
            new Random(5).nextBytes(data);
            sha256 = MessageDigest.getInstance("SHA-256");
        }
    }

    @Benchmark
    public long atomicIncrement() {
        return atomic.incrementAndGet();
    }

    @Benchmark
    public void longAdderIncrement() {
        adder.increment();
    }

    @Benchmark
    public long lockedIncrement() {
        lock.lock();
        try {
            return ++locked;
        } finally {
            lock.unlock();
        }
    }

    /** 90 % reads, 10 % writes on a shared map of 16k keys. */
    @Benchmark
    public Integer mapReadMostly() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int k = r.nextInt(KEYS);
        if (r.nextInt(10) == 0) {
            return map.put(k, k);
        }
        return map.get(k);
    }

    /** No shared state at all: the ideal of linear speed-up, up to the number of cores. */
    @Benchmark
    public byte[] independentSha256(Local local) {
        return local.sha256.digest(local.data);
    }
}
