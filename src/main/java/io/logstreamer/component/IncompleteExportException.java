package io.logstreamer.component;

import java.util.List;

/** Some windows still failed after retries, and the export was not allowed to be partial. */
public class IncompleteExportException extends RuntimeException {

    private final transient List<Gap> gaps;

    public IncompleteExportException(List<Gap> gaps) {
        super(gaps.size() + " window(s) failed after retries");
        this.gaps = List.copyOf(gaps);
    }

    public List<Gap> gaps() {
        return gaps;
    }
}
