package io.logstreamer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import io.logstreamer.cli.LogstreamerCommand;

/**
 * Runs one export in this JVM and prints what the benchmark reads: the command's summary line,
 * then the peak heap in use (sampled every 20 ms) and the peak resident set (VmHWM). With
 * {@code --warm} first, the export runs twice and the second run is the one measured.
 */
public final class MeasuredExport {

    public static void main(String[] args) throws Exception {
        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long used = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) {
                        used += pool.getUsage().getUsed();
                    }
                }
                peakHeap.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        // --warm: run the export once untimed first, so the figures are those of a JIT-compiled
        // JVM (a C2 warm-up costs some 10 s of CPU here and would dominate short runs).
        boolean warm = args.length > 0 && args[0].equals("--warm");
        String[] exportArgs = warm ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        if (warm) {
            LogstreamerCommand.run(exportArgs);
        }
        int code = LogstreamerCommand.run(exportArgs);
        sampler.interrupt();
        long hwmKb = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong).findFirst().orElse(-1);
        System.out.println("BENCH exit=" + code + " peakHeapMB=" + peakHeap.get() / (1024 * 1024) + " peakRssMB=" + hwmKb / 1024);
        System.exit(code);
    }
}
