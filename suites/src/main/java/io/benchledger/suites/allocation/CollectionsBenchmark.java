package io.benchledger.suites.allocation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Filling collections of {@code size} elements, with boxing. Meant to run with JMH's gc profiler
 * ({@code -prof gc}), which records {@code gc.alloc.rate.norm}: bytes allocated per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CollectionsBenchmark {
    @Param({"100", "10000"})
    public int size;

    @Benchmark
    public List<Integer> arrayListGrowing() {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            l.add(i);
        }
        return l;
    }

    @Benchmark
    public List<Integer> arrayListPresized() {
        List<Integer> l = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            l.add(i);
        }
        return l;
    }

    @Benchmark
    public Map<Integer, Integer> hashMapPut() {
        Map<Integer, Integer> m = new HashMap<>();
        for (int i = 0; i < size; i++) {
            m.put(i, i);
        }
        return m;
    }

    @Benchmark
    public ArrayDeque<Integer> arrayDequeOffer() {
        ArrayDeque<Integer> d = new ArrayDeque<>();
        for (int i = 0; i < size; i++) {
            d.offer(i);
        }
        return d;
    }

    @Benchmark
    public long primitiveSum() {
        long s = 0;
        for (int i = 0; i < size; i++) {
            s += i;
        }
        return s;
    }

    @Benchmark
    public List<String> streamMapToStrings() {
        return IntStream.range(0, size).mapToObj(Integer::toString).collect(Collectors.toList());
    }
}
