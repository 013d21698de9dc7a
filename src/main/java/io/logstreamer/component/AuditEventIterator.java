package io.logstreamer.component;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import io.logstreamer.event.AuditEventRecord;
import io.logstreamer.oci.AuditEventsClient;
import io.logstreamer.oci.AuditPage;
import io.logstreamer.oci.OciServiceException;
import io.logstreamer.oci.RetriesExhaustedException;
import io.logstreamer.plan.Window;

/**
 * The lazy result of an export: walks the planned windows in order and every page of each,
 * fetching a page when the split has taken the previous one. A window that still fails after
 * retries becomes a {@link Gap} and the export goes on, so every failed window is known at the
 * end; then, unless partial exports are allowed, the export fails as a whole.
 */
public final class AuditEventIterator implements Iterator<AuditEventRecord> {

    private final AuditEventsClient client;
    private final List<Window> windows;
    private final ExportStats stats;
    private final boolean allowPartial;
    private int windowIndex = -1;
    private String nextPage;
    private long pagesDone;
    private Iterator<AuditEventRecord> page;
    private boolean finished;

    public AuditEventIterator(AuditEventsClient client, List<Window> windows, ExportStats stats, boolean allowPartial) {
        this.client = client;
        this.windows = windows;
        this.stats = stats;
        this.allowPartial = allowPartial;
    }

    @Override
    public boolean hasNext() {
        while (page == null || !page.hasNext()) {
            if (finished) {
                return false;
            }
            if (nextPage == null && !nextWindow()) {
                return false;
            }
            Window window = windows.get(windowIndex);
            try {
                AuditPage fetched = client.fetch(window, nextPage, stats);
                page = fetched.events().iterator();
                nextPage = fetched.nextPage();
                pagesDone++;
                stats.pageDone();
                if (nextPage == null) {
                    stats.windowDone();
                }
            } catch (RetriesExhaustedException e) {
                if (stats.pages() == 0) {
                    // Not one page has come back yet: an unreachable or broken service, not a bad
                    // window. Going on would spend the whole retry budget on every window.
                    finished = true;
                    throw new WindowFailedException(window, e);
                }
                stats.gap(new Gap(window, e.getMessage(), e.attempts(), pagesDone));
                stats.windowDone();
                nextPage = null;
                page = null;
            } catch (OciServiceException e) {
                finished = true;
                throw new WindowFailedException(window, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished = true;
                throw new IllegalStateException("export interrupted", e);
            }
        }
        return true;
    }

    /** Moves to the next window; at the end, fails the export if windows are missing. */
    private boolean nextWindow() {
        if (windowIndex + 1 < windows.size()) {
            windowIndex++;
            pagesDone = 0;
            return true;
        }
        finished = true;
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
}
