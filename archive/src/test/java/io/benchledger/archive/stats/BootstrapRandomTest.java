package io.benchledger.archive.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap's generator draws exactly what Commons RNG's XO_RO_SHI_RO_128_PP draws from the
 * same seed, so every interval stays the same double: bounds of one, small ones, forks and
 * iterations as the bootstrap mixes them, and bounds large enough for Lemire's rejection step to
 * run often.
 */
class BootstrapRandomTest {
    @Test
    void drawsWhatCommonsRngDrawsFromTheSameSeed() {
        int[] bounds = {1, 2, 3, 5, 7, 20, 100, 1000, 65_537, 1 << 30, (1 << 30) + 1, Integer.MAX_VALUE};
        for (long seed : new long[] {0L, 1L, 7L, -1L, 42L ^ 0x9E3779B97F4A7C15L, Long.MIN_VALUE, Long.MAX_VALUE}) {
            UniformRandomProvider expected = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            BootstrapRandom actual = BootstrapRandom.seeded(seed);
            for (int i = 0; i < 200_000; i++) {
                int n = bounds[(i * 31 + (i >>> 3)) % bounds.length];
                assertThat(actual.nextInt(n)).as("seed %d draw %d bound %d", seed, i, n).isEqualTo(expected.nextInt(n));
            }
        }
    }
}
