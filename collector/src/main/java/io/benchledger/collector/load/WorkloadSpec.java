package io.benchledger.collector.load;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One workload of the suite configuration's {@code workloads} section: a weighted mix of operations,
 * each a list of named stages the workload class provides, driven open-loop at target rates.
 *
 * @param location where it is defined ({@code file:line:column}), for messages
 * @param className the {@link io.benchledger.workload.Workload} implementation
 * @param plans one measured case per plan: a constant rate or a ramp of steps
 * @param sweep a search for the saturation point, run after the plans (empty: none)
 * @param threads {@code platform} (a fixed pool of {@code concurrency} threads) or {@code virtual}
 *                (a virtual thread per request, at most {@code concurrency} at once; Java 21+)
 * @param timeoutMillis a request slower than this counts as a timeout; one still queued after it is dropped
 * @param nightly whether {@code benchledger nightly} runs it
 */
public record WorkloadSpec(String name, String location, String className, Map<String, String> params,
                           List<Operation> operations, List<RatePlan> plans,
                           @com.fasterxml.jackson.annotation.JsonIgnore Optional<Sweep> sweep, int concurrency,
                           String threads, long warmupMillis, long durationMillis, long timeoutMillis, boolean nightly) {
    public static final String PLATFORM = "platform";
    public static final String VIRTUAL = "virtual";

    public WorkloadSpec {
        params = new TreeMap<>(params);
        sweep = sweep == null ? Optional.empty() : sweep; // not sent to the forked JVM, which runs one rate plan
        operations = List.copyOf(operations);
        plans = List.copyOf(plans);
    }

    /** @param weight relative share of requests (any positive number; they need not sum to 1) */
    public record Operation(String name, double weight, List<StageRef> stages) {
        public Operation {
            stages = List.copyOf(stages);
        }
    }

    /** @param probability the share of requests of the operation that run this stage (1: every one) */
    public record StageRef(String name, double probability) {
    }

    /** @param rate requests per second; @param millis how long (0: the whole measured duration) */
    public record Step(double rate, long millis) {
    }

    /**
     * @param label the case's {@code rate} parameter: {@code 2000} for a constant rate, {@code 500-1000-2000} for steps
     */
    public record RatePlan(String label, List<Step> steps) {
        public RatePlan {
            steps = List.copyOf(steps);
        }

        /** The measured duration: the steps' lengths, or {@code durationMillis} for a constant rate. */
        public long measuredMillis(long durationMillis) {
            long sum = 0;
            for (Step s : steps) {
                sum += s.millis() == 0 ? durationMillis : s.millis();
            }
            return sum;
        }

        public static RatePlan constant(double rate) {
            return new RatePlan(RateLabel.of(rate), List.of(new Step(rate, 0)));
        }
    }

    /**
     * Rates from {@code from} multiplied by {@code factor} until {@code to}; the highest rate whose
     * request p99 stays at or under {@code maxP99Millis} with no timeouts is the saturation point.
     */
    public record Sweep(double from, double to, double factor, double maxP99Millis) {
        /** from, from·factor, from·factor², … while ≤ to (to itself is included when the steps overshoot it). */
        public List<Double> rates() {
            java.util.ArrayList<Double> out = new java.util.ArrayList<>();
            for (double r = from; r < to * (1 + 1e-9); r *= factor) {
                out.add((double) Math.round(r));
            }
            if (out.get(out.size() - 1) < to) {
                out.add(to);
            }
            return out;
        }
    }

    /** The workload with other timings (for {@code --quick} and the command's overrides). */
    public WorkloadSpec withTimes(long warmup, long duration) {
        return new WorkloadSpec(name, location, className, params, operations, plans, sweep, concurrency, threads,
                warmup, duration, timeoutMillis, nightly);
    }

    /** The workload with other plans and no sweep (rates given on the command line). */
    public WorkloadSpec withPlans(List<RatePlan> p) {
        return new WorkloadSpec(name, location, className, params, operations, p, Optional.empty(), concurrency, threads,
                warmupMillis, durationMillis, timeoutMillis, nightly);
    }
}
