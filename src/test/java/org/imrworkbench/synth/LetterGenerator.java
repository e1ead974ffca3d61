package org.imrworkbench.synth;

import java.util.SplittableRandom;

/**
 * Generates synthetic IMR final determination letters, deterministically: letter {@code index} of the corpus of
 * generator seed {@code seed} is always the same, byte for byte, whatever else was generated before or in
 * parallel. Letters follow one of the two published {@link Rendering}s and carry the {@link LetterTruth} they were
 * generated from. Their summaries and rationales are composed from the generator's own sentence templates
 * ({@link Prose}, {@link Topic}), never from real letters. Thread-safe.
 *
 * <p>Case numbers ("CM" + two-digit year + "-" + seven digits) are unique per index for the first ten million
 * indexes of a seed.
 */
public final class LetterGenerator {

    private static final long CASE_NUMBERS = 10_000_000L;
    /** Coprime with {@link #CASE_NUMBERS}, so that index → case number digits is a permutation. */
    private static final long CASE_NUMBER_STRIDE = 7_654_321L;

    private final long seed;

    public LetterGenerator(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** Letter number {@code index} of this generator's corpus. */
    public GeneratedLetter generate(long index) {
        long letterSeed = mix(seed * 0x9E3779B97F4A7C15L + index);
        LetterComposer composer = new LetterComposer(new SplittableRandom(letterSeed));
        String baseName;
        if (composer.seedRendering()) {
            baseName = String.format("%07d_%016x", index, letterSeed);
        } else {
            long digits = Math.floorMod(index * CASE_NUMBER_STRIDE + mix(seed), CASE_NUMBERS);
            baseName = String.format("CM%02d-%07d", composer.assignedYear() % 100, digits);
        }
        return composer.compose(index, baseName);
    }

    /** The SplitMix64 finaliser: spreads nearby seeds and indexes over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
