package org.imrworkbench.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** The heap's peak use over a measured step, as the benchmarks report it ({@code binder_500_heap_mb}). */
final class HeapPeaks {

    private HeapPeaks() {
    }

    /** Collects what can be collected, then starts counting the heap pools' peaks afresh. */
    static void reset() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /**
     * The sum of the heap pools' peak use since {@link #reset()}: an upper bound of the live heap, as the young
     * generation counts its garbage until it is collected.
     */
    static long bytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
