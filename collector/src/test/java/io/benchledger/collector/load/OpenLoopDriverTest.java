package io.benchledger.collector.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The open-loop driver against queueing theory, with a stage of known service time (a sleep) on
 * one worker. Arrivals are evenly spaced 1/λ apart and service takes S each (D/D/1): above
 * capacity (λS > 1) the server is never idle, so request i (0-based) finishes at (i+1)·S and its
 * latency from its intended start i/λ is (i+1)·S − i/λ = S + i·(S − 1/λ): it grows linearly with
 * time, by (λS − 1) seconds per second. A closed loop (call, wait, call again) would report S for
 * every request, which is what the stage's own time shows.
 */
class OpenLoopDriverTest {

    private static WorkloadSpec spec(List<WorkloadSpec.Operation> ops, double rate, long durationMillis, long timeoutMillis) {
        return new WorkloadSpec("test", "test.yaml:1:1", SleepWorkload.class.getName(), Map.of("serviceMillis", "10"), ops,
                List.of(WorkloadSpec.RatePlan.constant(rate)), Optional.empty(), 1, WorkloadSpec.PLATFORM, 0,
                durationMillis, timeoutMillis, false);
    }

    private static List<WorkloadSpec.Operation> serve() {
        return List.of(new WorkloadSpec.Operation("call", 1, List.of(new WorkloadSpec.StageRef("serve", 1))));
    }

    private static LoadOutcome run(WorkloadSpec spec) throws Exception {
        SleepWorkload w = new SleepWorkload();
        w.setUp(spec.params());
        return new OpenLoopDriver(w, spec, spec.plans().get(0), 1, null).run();
    }

    @Test
    void aboveCapacityLatencyGrowsAsQueueingTheorySaysAndAchievedRateFallsShort() throws Exception {
        double lambda = 150; // requests per second; the sleep serves at most ~100
        LoadOutcome o = run(spec(serve(), lambda, 2_000, 60_000));
        double s = o.stages().get("serve").mean() / 1000; // measured service time S, seconds
        assertThat(lambda * s).as("the test needs the offered load above capacity").isGreaterThan(1.2);

        // achieved = capacity 1/S, reported below the target rather than hidden
        assertThat(o.targetRate()).isCloseTo(lambda, within(lambda * 0.03));
        assertThat(o.achievedRate()).isCloseTo(1 / s, within(0.15 / s));
        assertThat(o.achievedRate()).isLessThan(0.8 * o.targetRate());
        assertThat(o.errors()).isZero();
        assertThat(o.timeouts()).isZero();

        // latency of request i = S + i (S − 1/λ): median at i = n/2, max at i = n − 1
        long n = o.issued();
        double p50 = (s + (n / 2.0) * (s - 1 / lambda)) * 1000;
        double max = (s + (n - 1) * (s - 1 / lambda)) * 1000;
        assertThat(o.request().p50()).isCloseTo(p50, within(p50 * 0.2));
        assertThat(o.request().max()).isCloseTo(max, within(max * 0.2));

        // second by second the mean grows by (λS − 1) seconds
        List<Double> means = o.request().intervalMeans();
        double slope = means.get(1) - means.get(0);
        assertThat(slope).isCloseTo((lambda * s - 1) * 1000, within((lambda * s - 1) * 1000 * 0.25));

        // what a closed loop would report: the service time, some 10 ms, for every request
        assertThat(o.stages().get("serve").p99()).isLessThan(3 * s * 1000);
        assertThat(o.request().p50()).isGreaterThan(10 * o.stages().get("serve").p50());
        // the wait for a worker is where the difference is
        assertThat(o.queue().p50()).isCloseTo(o.request().p50() - s * 1000, within(p50 * 0.1));
    }

    @Test
    void belowCapacityLatencyIsTheServiceTimeAndTheTargetIsMet() throws Exception {
        LoadOutcome o = run(spec(serve(), 40, 2_000, 60_000));
        double s = o.stages().get("serve").mean();
        assertThat(o.achievedRate()).isCloseTo(40, within(40 * 0.1));
        assertThat(o.request().p50()).isCloseTo(s, within(s * 0.5));
        // no queue builds up: a request's p90 is its service's p90 plus little waiting (both stretch alike
        // when a busy machine oversleeps the 10 ms)
        double serveP90 = o.stages().get("serve").percentiles().get(2);
        assertThat(o.request().percentiles().get(2)).as("p90").isLessThan(serveP90 + 2 * s);
    }

    @Test
    void errorsAndTimeoutsAreCountedNotHidden() throws Exception {
        List<WorkloadSpec.Operation> ops = List.of(
                new WorkloadSpec.Operation("ok", 3, List.of(new WorkloadSpec.StageRef("serve", 1))),
                new WorkloadSpec.Operation("bad", 1, List.of(new WorkloadSpec.StageRef("fail", 1))));
        LoadOutcome o = run(spec(ops, 40, 2_000, 60_000));
        assertThat(o.errorRate()).isCloseTo(0.25, within(0.12));
        assertThat(o.firstError()).startsWith("fail: java.lang.IllegalStateException: refused");
        assertThat(o.errors() + o.completed()).isEqualTo(o.issued());

        // twice the capacity with a 100 ms timeout: most requests wait too long
        LoadOutcome t = run(spec(serve(), 200, 1_000, 100));
        assertThat(t.timeoutRate()).isGreaterThan(0.3);
        assertThat(t.completed() + t.timeouts()).isEqualTo(t.issued());
    }

    @Test
    void scheduleSpacesRequestsEvenlyWithinSteps() {
        WorkloadSpec.RatePlan plan = new WorkloadSpec.RatePlan("10-20",
                List.of(new WorkloadSpec.Step(10, 1_000), new WorkloadSpec.Step(20, 1_000)));
        OpenLoopDriver.Schedule s = new OpenLoopDriver.Schedule(plan, 0, 0, 500_000_000L);
        int warmup = 0;
        int first = 0;
        int second = 0;
        for (long t = s.first(); t < 2_500_000_000L; t = s.next(t)) {
            if (t < 500_000_000L) {
                warmup++;
            } else if (t < 1_500_000_000L) {
                first++;
            } else {
                second++;
            }
        }
        assertThat(warmup).isEqualTo(5); // 0.5 s at the first step's 10 req/s
        assertThat(first).isEqualTo(10);
        assertThat(second).isEqualTo(20);
    }

    @Test
    void operationsArePickedByWeight() {
        double[] c = OpenLoopDriver.cumulativeWeights(List.of(new WorkloadSpec.Operation("a", 3, List.of()),
                new WorkloadSpec.Operation("b", 1, List.of())));
        assertThat(OpenLoopDriver.pick(c, 0.74)).isZero();
        assertThat(OpenLoopDriver.pick(c, 0.76)).isEqualTo(1);
    }
}
