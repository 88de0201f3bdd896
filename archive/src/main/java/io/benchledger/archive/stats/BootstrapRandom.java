package io.benchledger.archive.stats;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The bootstrap's generator: Commons RNG's {@code RandomSource.XO_RO_SHI_RO_128_PP} seeded with the
 * same {@code long}, drawing the very same numbers from {@link #nextInt(int)} as that provider's
 * {@code nextInt(int)} does (XoRoShiRo128++ 64-bit outputs, each split into two 32-bit halves low
 * half first, and Lemire's bounded draw with its rejection step), in one final method. A bootstrap
 * makes about a hundred million bounded draws for a comparison of 2,000 cases; through the provider
 * each one is two interface calls and three more calls, which the C1 compiler (that {@code site}
 * runs with) does not inline.
 */
public final class BootstrapRandom {
    private static final long LOW = 0xffffffffL;
    private long state0;
    private long state1;
    /** The unused upper half of the last 64-bit output, or -1 when there is none (as Commons RNG's LongProvider). */
    private long intSource = -1;

    private BootstrapRandom(long state0, long state1) {
        this.state0 = state0;
        this.state1 = state1;
    }

    /** Seeded as {@code RandomSource.XO_RO_SHI_RO_128_PP.create(seed)} is (its state read back from it). */
    public static BootstrapRandom seeded(long seed) {
        RestorableUniformRandomProvider provider = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        byte[] state = ((RandomProviderDefaultState) provider.saveState()).getState();
        // the generator's two state words come first, little-endian, then the provider's cached bits
        return new BootstrapRandom(littleEndian(state, 0), littleEndian(state, 8));
    }

    private static long littleEndian(byte[] b, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[at + i] & 0xff);
        }
        return v;
    }

    /** A uniform int in [0, n), n &gt; 0: the same as Commons RNG's {@code nextInt(n)} from the same state. */
    public int nextInt(int n) {
        // nextBits(), written out: C1 inlines only methods of at most 35 bytes of bytecode
        long bits = intSource;
        if (bits < 0) {
            long s0 = state0;
            long s1 = state1;
            bits = Long.rotateLeft(s0 + s1, 17) + s0;
            s1 ^= s0;
            state0 = Long.rotateLeft(s0, 49) ^ s1 ^ (s1 << 21);
            state1 = Long.rotateLeft(s1, 28);
            intSource = bits >>> 32;
        } else {
            intSource = -1;
        }
        long m = (bits & LOW) * n;
        if ((m & LOW) < n) {
            return rejecting(m, n);
        }
        return (int) (m >>> 32);
    }

    /** Lemire's rejection step (rare: only when the low half of the product falls below n). */
    private int rejecting(long m, int n) {
        long t = 4294967296L % n;
        long l = m & LOW;
        while (l < t) {
            m = (nextBits() & LOW) * n;
            l = m & LOW;
        }
        return (int) (m >>> 32);
    }

    /** The next 32 bits in the low half: Commons RNG's {@code LongProvider.nextInt()}. */
    private long nextBits() {
        long bits = intSource;
        if (bits < 0) {
            long s0 = state0;
            long s1 = state1;
            bits = Long.rotateLeft(s0 + s1, 17) + s0;
            s1 ^= s0;
            state0 = Long.rotateLeft(s0, 49) ^ s1 ^ (s1 << 21);
            state1 = Long.rotateLeft(s1, 28);
            intSource = bits >>> 32;
            return bits;
        }
        intSource = -1;
        return bits;
    }
}
