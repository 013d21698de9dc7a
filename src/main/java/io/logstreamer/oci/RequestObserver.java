package io.logstreamer.oci;

import java.time.Duration;

/** Told about every request and retry, for the export's counters. */
public interface RequestObserver {

    RequestObserver NONE = new RequestObserver() {
    };

    default void requestSent() {
    }

    /** A retry is coming after {@code delay}; status is the HTTP status, or -1 for a network fault. */
    default void retrying(int status, Duration delay) {
    }
}
