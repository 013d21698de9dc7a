package io.logstreamer.component;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Live counters of one export, read by the progress display and the summary line. */
public final class ExportStats {

    private final int windowsTotal;
    private final List<String> compartmentIds;
    private final long startedNanos = System.nanoTime();
    private final AtomicLong windowsDone = new AtomicLong();
    private final AtomicLong eventsRetrieved = new AtomicLong();
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    public ExportStats(int windowsTotal, List<String> compartmentIds) {
        this.windowsTotal = windowsTotal;
        this.compartmentIds = List.copyOf(compartmentIds);
    }

    public int windowsTotal() {
        return windowsTotal;
    }

    public List<String> compartmentIds() {
        return compartmentIds;
    }

    public long windowsDone() {
        return windowsDone.get();
    }

    public long eventsRetrieved() {
        return eventsRetrieved.get();
    }

    public long pages() {
        return pages.get();
    }

    public long requests() {
        return requests.get();
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    void windowDone() {
        windowsDone.incrementAndGet();
    }

    void eventRetrieved() {
        eventsRetrieved.incrementAndGet();
    }

    void pageDone() {
        pages.incrementAndGet();
    }

    void requestSent() {
        requests.incrementAndGet();
    }
}
