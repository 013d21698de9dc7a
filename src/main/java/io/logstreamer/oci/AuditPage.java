package io.logstreamer.oci;

import java.util.List;

import io.logstreamer.event.AuditEventRecord;

/** One complete ListEvents page, and the token of the next one (null on the last page). */
public record AuditPage(List<AuditEventRecord> events, long bytes, String nextPage, String opcRequestId, int attempts) {
}
