package io.logstreamer.component;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import io.logstreamer.event.AuditEventRecord;
import io.logstreamer.event.PageReader;
import io.logstreamer.oci.AuditEventsClient;
import io.logstreamer.oci.AuditPage;
import io.logstreamer.plan.Window;

/**
 * The lazy result of an export: walks the planned windows in order and every page of each,
 * reading events from the HTTP stream as the split asks for them. One page is open at a time.
 */
public final class AuditEventIterator implements Iterator<AuditEventRecord>, Closeable {

    private final AuditEventsClient client;
    private final List<Window> windows;
    private final ExportStats stats;
    private int windowIndex = -1;
    private String nextPage;
    private PageReader page;
    private AuditEventRecord next;

    public AuditEventIterator(AuditEventsClient client, List<Window> windows, ExportStats stats) {
        this.client = client;
        this.windows = windows;
        this.stats = stats;
    }

    @Override
    public boolean hasNext() {
        try {
            while (next == null) {
                if (page != null) {
                    next = page.next();
                    if (next != null) {
                        stats.eventRetrieved();
                        break;
                    }
                    page.close();
                    page = null;
                    stats.pageDone();
                    if (nextPage == null) {
                        stats.windowDone();
                    }
                }
                if (nextPage == null) {
                    if (windowIndex + 1 >= windows.size()) {
                        return false;
                    }
                    windowIndex++;
                }
                stats.requestSent();
                AuditPage opened = client.open(windows.get(windowIndex), nextPage);
                nextPage = opened.nextPage();
                page = new PageReader(opened.body());
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("export interrupted", e);
        } catch (IOException | RuntimeException e) {
            close();
            throw new WindowFailedException(windows.get(windowIndex), e);
        }
    }

    @Override
    public AuditEventRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        AuditEventRecord r = next;
        next = null;
        return r;
    }

    @Override
    public void close() {
        if (page != null) {
            try {
                page.close();
            } catch (IOException ignored) {
                // nothing more can be read from it either way
            }
            page = null;
        }
    }
}
