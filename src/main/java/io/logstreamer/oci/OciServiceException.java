package io.logstreamer.oci;

/** The OCI API answered with an error status; carries what the service said, never what was sent. */
public class OciServiceException extends RuntimeException {

    private final String operation;
    private final int status;
    private final String code;
    private final String opcRequestId;

    public OciServiceException(String operation, int status, String code, String message, String opcRequestId) {
        super(message);
        this.operation = operation;
        this.status = status;
        this.code = code;
        this.opcRequestId = opcRequestId;
    }

    public String operation() {
        return operation;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String opcRequestId() {
        return opcRequestId;
    }

    /** What to check for this kind of failure, for the one-line message users see. */
    public String hint() {
        return switch (status) {
            case 401 -> "check the user OCID, key file, fingerprint and tenancy in the OCI config (and the clock)";
            case 404 -> "check the compartment OCID and that a policy lets this user read audit events in it";
            case 400 -> "the request was refused as malformed";
            case 429 -> "the service throttled the export; try again later";
            default -> status >= 500 ? "the service failed; try again later" : "";
        };
    }

    @Override
    public String getMessage() {
        String hint = hint();
        return operation + " failed: HTTP " + status + " " + code + ": " + super.getMessage()
                + (opcRequestId == null ? "" : " (opc-request-id " + opcRequestId + ")")
                + (hint.isEmpty() ? "" : " - " + hint);
    }
}
