package io.logstreamer.oci;

import java.io.InputStream;

/** An open ListEvents response: the body still streaming, and the token of the next page. */
public record AuditPage(InputStream body, String nextPage, String opcRequestId) {
}
