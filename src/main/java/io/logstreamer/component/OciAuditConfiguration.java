package io.logstreamer.component;

import java.util.Arrays;
import java.util.List;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

import io.logstreamer.Durations;
import io.logstreamer.oci.RetryPolicy;

/** Options of an {@code oci-audit:} endpoint. */
@UriParams
public class OciAuditConfiguration implements Cloneable {

    @UriPath(description = "A name for this export, used in logs")
    @Metadata(required = true)
    private String label;
    @UriParam(defaultValue = "~/.oci/config", label = "security", description = "Path of the OCI config file")
    private String configFile = "~/.oci/config";
    @UriParam(defaultValue = "DEFAULT", label = "security", description = "Profile of the OCI config file")
    private String profile = "DEFAULT";
    @UriParam(description = "Region id; defaults to the profile's region")
    private String region;
    @UriParam(label = "advanced", description = "Base URL of the Audit API instead of the region's endpoint")
    private String endpoint;
    @UriParam(label = "advanced", description = "Base URL of the Identity API instead of the region's endpoint")
    private String identityEndpoint;
    @UriParam(description = "Compartment OCIDs to export, separated by commas; defaults to the profile's tenancy")
    private String compartmentIds;
    @UriParam(defaultValue = "false", description = "Also export every active sub-compartment of the selected compartments")
    private boolean subtree;
    @UriParam(description = "Start of the export, ISO-8601 instant; the header CamelOciAuditStartTime overrides it")
    private String startTime;
    @UriParam(description = "End of the export (exclusive), ISO-8601 instant; the header CamelOciAuditEndTime overrides it")
    private String endTime;
    @UriParam(defaultValue = "7", description = "Largest time window of one ListEvents query, in days")
    private int chunkDays = 7;
    @UriParam(defaultValue = "8", description = "Windows fetched at once; the output order does not depend on it")
    private int parallelism = 8;
    @UriParam(defaultValue = "4", label = "advanced", description = "Pages the window being read may always hold, whatever the read-ahead")
    private int pagesAhead = 4;
    @UriParam(defaultValue = "32", label = "advanced", description = "Megabytes of fetched pages that may wait for the split; bounds memory whatever the range")
    private int readAheadMb = 32;
    @UriParam(defaultValue = "0", label = "advanced", description = "Cut windows into slices of this many minutes to fetch them in parallel; 0 picks about 8 slices per worker")
    private int sliceMinutes;
    @UriParam(defaultValue = "false", description = "Answer with what could be fetched when windows still fail after retries; the gaps are in the stats")
    private boolean allowPartial;
    @UriParam(defaultValue = "8", label = "retry", description = "Attempts per page, the first included")
    private int retryMaxAttempts = RetryPolicy.DEFAULT.maxAttempts();
    @UriParam(defaultValue = "1s", label = "retry", description = "Delay before the first retry, doubled for each further one (jittered)")
    private String retryBaseDelay = "1s";
    @UriParam(defaultValue = "30s", label = "retry", description = "Largest computed retry delay; a Retry-After from the service is honoured as sent")
    private String retryMaxDelay = "30s";
    @UriParam(defaultValue = "10m", label = "retry", description = "Most time one page may take, retries included, before its window is given up")
    private String retryMaxTime = "10m";
    @UriParam(defaultValue = "60s", label = "retry", description = "Most time one attempt may take, from request to last byte")
    private String pageTimeout = "60s";

    public OciAuditConfiguration copy() {
        try {
            return (OciAuditConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> compartmentIdList() {
        if (compartmentIds == null || compartmentIds.isBlank()) {
            return List.of();
        }
        return Arrays.stream(compartmentIds.split("[,;\\s]+")).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public RetryPolicy retryPolicy() {
        try {
            return new RetryPolicy(retryMaxAttempts, Durations.parse(retryBaseDelay), Durations.parse(retryMaxDelay),
                    Durations.parse(retryMaxTime), Durations.parse(pageTimeout));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("oci-audit retry options: " + e.getMessage(), e);
        }
    }

    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        this.parallelism = parallelism;
    }

    public int getPagesAhead() {
        return pagesAhead;
    }

    public void setPagesAhead(int pagesAhead) {
        this.pagesAhead = pagesAhead;
    }

    public int getReadAheadMb() {
        return readAheadMb;
    }

    public void setReadAheadMb(int readAheadMb) {
        this.readAheadMb = readAheadMb;
    }

    public int getSliceMinutes() {
        return sliceMinutes;
    }

    public void setSliceMinutes(int sliceMinutes) {
        this.sliceMinutes = sliceMinutes;
    }

    public boolean isAllowPartial() {
        return allowPartial;
    }

    public void setAllowPartial(boolean allowPartial) {
        this.allowPartial = allowPartial;
    }

    public int getRetryMaxAttempts() {
        return retryMaxAttempts;
    }

    public void setRetryMaxAttempts(int retryMaxAttempts) {
        this.retryMaxAttempts = retryMaxAttempts;
    }

    public String getRetryBaseDelay() {
        return retryBaseDelay;
    }

    public void setRetryBaseDelay(String retryBaseDelay) {
        this.retryBaseDelay = retryBaseDelay;
    }

    public String getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(String retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public String getRetryMaxTime() {
        return retryMaxTime;
    }

    public void setRetryMaxTime(String retryMaxTime) {
        this.retryMaxTime = retryMaxTime;
    }

    public String getPageTimeout() {
        return pageTimeout;
    }

    public void setPageTimeout(String pageTimeout) {
        this.pageTimeout = pageTimeout;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getConfigFile() {
        return configFile;
    }

    public void setConfigFile(String configFile) {
        this.configFile = configFile;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getIdentityEndpoint() {
        return identityEndpoint;
    }

    public void setIdentityEndpoint(String identityEndpoint) {
        this.identityEndpoint = identityEndpoint;
    }

    public String getCompartmentIds() {
        return compartmentIds;
    }

    public void setCompartmentIds(String compartmentIds) {
        this.compartmentIds = compartmentIds;
    }

    public boolean isSubtree() {
        return subtree;
    }

    public void setSubtree(boolean subtree) {
        this.subtree = subtree;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public int getChunkDays() {
        return chunkDays;
    }

    public void setChunkDays(int chunkDays) {
        this.chunkDays = chunkDays;
    }
}
