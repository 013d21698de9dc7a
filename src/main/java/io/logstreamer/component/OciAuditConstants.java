package io.logstreamer.component;

/** Headers and exchange properties of the oci-audit component. */
public final class OciAuditConstants {

    /** Header: start of the export (an Instant or ISO-8601 text); overrides the endpoint's startTime. */
    public static final String START_TIME = "CamelOciAuditStartTime";
    /** Header: end of the export, exclusive; overrides the endpoint's endTime. */
    public static final String END_TIME = "CamelOciAuditEndTime";
    /** Header set by the producer: the compartment OCIDs the export covers, in plan order. */
    public static final String COMPARTMENTS = "CamelOciAuditCompartments";
    /** Header set by the producer: the tenancy OCID of the profile. */
    public static final String TENANCY = "CamelOciAuditTenancy";
    /** Exchange property set by the producer: the export's live {@link ExportStats}. */
    public static final String STATS = "CamelOciAuditStats";

    private OciAuditConstants() {
    }
}
