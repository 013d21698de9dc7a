package io.logstreamer.component;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.logstreamer.event.AuditEventRecord;
import io.logstreamer.oci.AuditEventsClient;
import io.logstreamer.oci.AuditPage;
import io.logstreamer.oci.RetriesExhaustedException;
import io.logstreamer.plan.Window;

/**
 * The lazy result of an export. Up to {@code parallelism} workers fetch the planned windows
 * ("units") concurrently, each unit's pages in order; the split takes events unit by unit in plan
 * order, so the output is the same whatever the parallelism. Fetched pages that the split has not
 * taken yet are bounded in bytes: a worker starts a page only while less than {@code readAheadBytes}
 * are waiting, except the worker of the unit being read, which may always keep pagesAhead pages of
 * its own. Memory is therefore bounded by readAheadBytes plus (parallelism + pagesAhead) pages,
 * whatever the range; bytes rather than pages because the service's pages vary in size. The unit
 * being read is never starved by units further ahead.
 * <p>
 * A unit that still fails after retries becomes a {@link Gap} and the export goes on, so every
 * failed window is known at the end; then, unless partial exports are allowed, the export fails.
 */
public final class AuditEventIterator implements Iterator<AuditEventRecord>, Closeable {

    private sealed interface Item permits PageItem, GapItem, ErrorItem {
    }

    private record PageItem(List<AuditEventRecord> events, long bytes, boolean last) implements Item {
    }

    private record GapItem(Gap gap) implements Item {
    }

    private record ErrorItem(RuntimeException error) implements Item {
    }

    private final AuditEventsClient client;
    private final List<Window> units;
    private final List<BlockingQueue<Item>> queues;
    private final ExportStats stats;
    private final boolean allowPartial;
    private final int parallelism;
    private final AtomicInteger nextToStart = new AtomicInteger();
    private final int pagesAhead;
    private final long readAheadBytes;
    private final Object budgetLock = new Object();
    private long bufferedBytes;
    private int reading;
    private ExecutorService workers;
    private int unitIndex;
    private Iterator<AuditEventRecord> page;
    private boolean finished;

    public AuditEventIterator(AuditEventsClient client, List<Window> units, ExportStats stats, boolean allowPartial,
                              int parallelism, int pagesAhead, long readAheadBytes) {
        if (parallelism < 1 || pagesAhead < 1 || readAheadBytes < 1) {
            throw new IllegalArgumentException("parallelism, pages ahead and read-ahead bytes must be at least 1");
        }
        this.client = client;
        this.units = List.copyOf(units);
        this.stats = stats;
        this.allowPartial = allowPartial;
        this.parallelism = parallelism;
        this.pagesAhead = pagesAhead;
        this.readAheadBytes = readAheadBytes;
        this.queues = this.units.stream().map(u -> (BlockingQueue<Item>) new LinkedBlockingQueue<Item>()).toList();
    }

    private void startWorkers() {
        AtomicInteger n = new AtomicInteger();
        int threads = Math.min(parallelism, Math.max(1, units.size()));
        workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "oci-audit-fetch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < threads; i++) {
            workers.execute(this::work);
        }
    }

    /** Claims units in plan order, so the unit being read is always one that is being fetched. */
    private void work() {
        try {
            for (int i = nextToStart.getAndIncrement(); i < units.size(); i = nextToStart.getAndIncrement()) {
                fetchUnit(i, units.get(i), queues.get(i));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until this unit may fetch another page. */
    private void awaitBudget(int unit, BlockingQueue<Item> queue) throws InterruptedException {
        synchronized (budgetLock) {
            while (bufferedBytes >= readAheadBytes && !(unit == reading && queue.size() < pagesAhead)) {
                budgetLock.wait();
            }
        }
    }

    private void buffered(long bytes) {
        synchronized (budgetLock) {
            bufferedBytes += bytes;
            budgetLock.notifyAll();
        }
    }

    private void fetchUnit(int unit, Window window, BlockingQueue<Item> queue) throws InterruptedException {
        String token = null;
        long pagesDone = 0;
        do {
            awaitBudget(unit, queue);
            AuditPage fetched;
            try {
                fetched = client.fetch(window, token, stats);
            } catch (RetriesExhaustedException e) {
                queue.put(new GapItem(new Gap(window, e.getMessage(), e.attempts(), pagesDone)));
                return;
            } catch (RuntimeException e) {
                queue.put(new ErrorItem(new WindowFailedException(window, e)));
                return;
            }
            pagesDone++;
            stats.pageDone();
            token = fetched.nextPage();
            buffered(fetched.bytes());
            queue.put(new PageItem(fetched.events(), fetched.bytes(), token == null));
        } while (token != null);
    }

    @Override
    public boolean hasNext() {
        while (page == null || !page.hasNext()) {
            if (finished) {
                return false;
            }
            if (unitIndex >= units.size()) {
                return finish();
            }
            if (workers == null) {
                startWorkers();
            }
            Item item;
            try {
                item = queues.get(unitIndex).take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("export interrupted", e);
            }
            if (item instanceof PageItem p) {
                buffered(-p.bytes());
                page = p.events().iterator();
                if (p.last()) {
                    endUnit();
                }
            } else if (item instanceof GapItem g) {
                if (stats.pages() == 0) {
                    // Not one page has come back: an unreachable or broken service, not a bad
                    // window. Going on would spend the whole retry budget on every window.
                    close();
                    throw new WindowFailedException(g.gap().window(), new IllegalStateException(g.gap().error()));
                }
                stats.gap(g.gap());
                endUnit();
            } else if (item instanceof ErrorItem e) {
                close();
                throw e.error();
            }
        }
        return true;
    }

    private void endUnit() {
        stats.windowDone();
        unitIndex++;
        synchronized (budgetLock) {
            reading = unitIndex;
            budgetLock.notifyAll();
        }
    }

    private boolean finish() {
        close();
        List<Gap> gaps = stats.gaps();
        if (!gaps.isEmpty() && !allowPartial) {
            throw new IncompleteExportException(gaps);
        }
        return false;
    }

    @Override
    public AuditEventRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        AuditEventRecord event = page.next();
        stats.eventRetrieved();
        return event;
    }

    /** Stops the workers; Camel's split calls this when it ends early, too. */
    @Override
    public void close() {
        finished = true;
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
