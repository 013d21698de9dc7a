package io.logstreamer.oci;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

import com.oracle.bmc.ConfigFileReader;
import com.oracle.bmc.Region;
import com.oracle.bmc.audit.AuditClient;
import com.oracle.bmc.auth.AuthenticationDetailsProvider;
import com.oracle.bmc.auth.ConfigFileAuthenticationDetailsProvider;
import com.oracle.bmc.http.signing.DefaultRequestSigner;
import com.oracle.bmc.http.signing.RequestSigner;
import com.oracle.bmc.identity.IdentityClient;

import io.logstreamer.UsageException;

/**
 * Credentials, region and endpoints for one OCI profile, read with the SDK's own config support
 * and checked up front (config file, profile, key file, pass phrase) so that a broken set-up is a
 * usage error before the first request rather than a failure in the middle of an export.
 */
public final class OciSession {

    private final AuthenticationDetailsProvider provider;
    private final RequestSigner signer;
    private final String tenancyId;
    private final URI auditEndpoint;
    private final URI identityEndpoint;
    private final List<String> warnings;

    private OciSession(AuthenticationDetailsProvider provider, RequestSigner signer, String tenancyId,
                       URI auditEndpoint, URI identityEndpoint, List<String> warnings) {
        this.warnings = List.copyOf(warnings);
        this.provider = provider;
        this.signer = signer;
        this.tenancyId = tenancyId;
                this.auditEndpoint = auditEndpoint;
        this.identityEndpoint = identityEndpoint;
    }

    public static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1));
        }
        return Path.of(path);
    }

    /**
     * @param regionOverride   region id to use instead of the profile's, or null
     * @param auditEndpoint    base URL of the Audit API instead of the region's, or null
     * @param identityEndpoint base URL of the Identity API instead of the region's, or null
     */
    public static OciSession fromConfigFile(String configFile, String profile, String regionOverride,
                                            String auditEndpoint, String identityEndpoint) {
        Path config = expandHome(configFile);
        if (!Files.isRegularFile(config)) {
            throw new UsageException("OCI config file not found: " + config);
        }
        if (!Files.isReadable(config)) {
            throw new UsageException("OCI config file is not readable: " + config);
        }
        ConfigFileReader.ConfigFile parsed;
        try {
            parsed = ConfigFileReader.parse(config.toString(), profile);
        } catch (IllegalArgumentException e) {
            throw new UsageException("profile [" + profile + "] not found in OCI config file " + config);
        } catch (IllegalStateException | IOException e) {
            throw new UsageException("cannot read OCI config file " + config + ": " + e.getMessage());
        }
        for (String key : List.of("user", "fingerprint", "tenancy", "key_file")) {
            if (parsed.get(key) == null || parsed.get(key).isBlank()) {
                throw new UsageException("profile [" + profile + "] in " + config + " has no '" + key + "' entry");
            }
        }
        Path keyFile = expandHome(parsed.get("key_file"));
        if (!Files.isRegularFile(keyFile) || !Files.isReadable(keyFile)) {
            throw new UsageException("key file of profile [" + profile + "] not found or not readable: " + keyFile);
        }
        String region = regionOverride != null && !regionOverride.isBlank() ? regionOverride : parsed.get("region");
        if ((region == null || region.isBlank()) && (auditEndpoint == null || identityEndpoint == null)) {
            throw new UsageException("no region: set 'region' in profile [" + profile + "] or pass --region");
        }
        AuthenticationDetailsProvider provider;
        try {
            provider = new ConfigFileAuthenticationDetailsProvider(parsed);
        } catch (RuntimeException e) {
            throw new UsageException("cannot use profile [" + profile + "] of " + config + ": " + e.getMessage());
        }
        URI audit = auditEndpoint != null ? endpoint(auditEndpoint) : serviceEndpoint(region, AuditClient.SERVICE);
        URI identity = identityEndpoint != null ? endpoint(identityEndpoint) : serviceEndpoint(region, IdentityClient.SERVICE);
        return new OciSession(provider, signerWithLoadedKey(provider, audit, keyFile), parsed.get("tenancy"), audit,
                identity, permissionWarnings(keyFile));
    }

    /** Like the OCI CLI: a private key others can read is worth a warning, not a refusal. */
    private static List<String> permissionWarnings(Path keyFile) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(keyFile);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                return List.of("permissions on the private key " + keyFile + " are too open ("
                        + PosixFilePermissions.toString(perms) + "): run chmod 600 " + keyFile);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to check
        }
        return List.of();
    }

    /** Things the user should fix that do not stop the export. */
    public List<String> warnings() {
        return warnings;
    }

    private static URI endpoint(String url) {
        try {
            URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException("not an http(s) endpoint URL: " + url);
        }
    }

    private static URI serviceEndpoint(String regionId, com.oracle.bmc.Service service) {
        Region region;
        try {
            region = Region.fromRegionId(regionId);
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown region '" + regionId + "': pass a known region id or --endpoint/--identity-endpoint");
        }
        return region.getEndpoint(service).map(OciSession::endpoint)
                .orElseThrow(() -> new UsageException("no " + service.getServiceName() + " endpoint known for region " + regionId));
    }

    /** Signing once loads and decrypts the private key: a wrong pass phrase shows here, not mid-export. */
    private static RequestSigner signerWithLoadedKey(AuthenticationDetailsProvider provider, URI endpoint, Path keyFile) {
        try {
            RequestSigner signer = DefaultRequestSigner.createRequestSigner(provider);
            Map<String, List<String>> headers = new HashMap<>();
            signer.signRequest(endpoint.resolve("/"), "GET", headers, null);
            return signer;
        } catch (Exception e) {
            throw new UsageException("cannot load the private key " + keyFile
                    + " (wrong pass_phrase, or not a PEM RSA private key)");
        }
    }

    public AuthenticationDetailsProvider provider() {
        return provider;
    }

    public RequestSigner signer() {
        return signer;
    }

    public String tenancyId() {
        return tenancyId;
    }

    public URI auditEndpoint() {
        return auditEndpoint;
    }

    public URI identityEndpoint() {
        return identityEndpoint;
    }
}
