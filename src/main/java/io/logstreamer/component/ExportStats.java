package io.logstreamer.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.logstreamer.oci.RequestObserver;

/** Live counters of one export, read by the progress display and the summary line. */
public final class ExportStats implements RequestObserver {

    private final int windowsTotal;
    private final long startedNanos = System.nanoTime();
    private final AtomicLong windowsDone = new AtomicLong();
    private final AtomicLong eventsRetrieved = new AtomicLong();
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final List<Gap> gaps = new ArrayList<>();

    public ExportStats(int windowsTotal) {
        this.windowsTotal = windowsTotal;
    }

    public int windowsTotal() {
        return windowsTotal;
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

    /** Requests that were sent again after a fault. */
    public long retries() {
        return retries.get();
    }

    /** Answers that were 429 Too Many Requests. */
    public long throttled() {
        return throttled.get();
    }

    public synchronized List<Gap> gaps() {
        return List.copyOf(gaps);
    }

    synchronized void gap(Gap gap) {
        gaps.add(gap);
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

    @Override
    public void requestSent() {
        requests.incrementAndGet();
    }

    @Override
    public void retrying(int status, Duration delay) {
        retries.incrementAndGet();
        if (status == 429) {
            throttled.incrementAndGet();
        }
    }
}
