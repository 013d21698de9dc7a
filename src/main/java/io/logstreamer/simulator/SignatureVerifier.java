package io.logstreamer.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks OCI request signatures (draft-cavage HTTP signatures, rsa-sha256) the way the service
 * does, so a broken key, fingerprint or tenancy fails against the simulator exactly as it would
 * against OCI. It shares no code with the exporter's signing side on purpose.
 */
public final class SignatureVerifier {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final List<String> REQUIRED_FOR_GET = List.of("date", "(request-target)", "host");
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final PublicKey publicKey;
    private final String tenancyId;
    private final String fingerprint;

    public SignatureVerifier(PublicKey publicKey, String tenancyId) {
        this.publicKey = publicKey;
        this.tenancyId = tenancyId;
        this.fingerprint = fingerprint(publicKey);
    }

    /** The OCI key fingerprint: MD5 of the DER public key, colon-separated hex. */
    public static String fingerprint(PublicKey key) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(key.getEncoded());
            StringBuilder sb = new StringBuilder();
            for (byte b : md5) {
                if (sb.length() > 0) {
                    sb.append(':');
                }
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Thrown with the reason the service would give; never includes the header itself. */
    public static final class Rejected extends Exception {
        public Rejected(String message) {
            super(message);
        }
    }

    public void verify(String method, String rawPathAndQuery, Function<String, String> header) throws Rejected {
        String authorization = header.apply("authorization");
        if (authorization == null || !authorization.startsWith("Signature ")) {
            throw new Rejected("The required information to complete authentication was not provided.");
        }
        Map<String, String> params = new HashMap<>();
        Matcher m = PARAM.matcher(authorization);
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        if (!"rsa-sha256".equals(params.get("algorithm"))) {
            throw new Rejected("Unsupported signature algorithm.");
        }
        String keyId = params.getOrDefault("keyId", "");
        String[] parts = keyId.split("/");
        if (parts.length != 3 || !parts[0].equals(tenancyId)) {
            throw new Rejected("The tenancy in the keyId is not known.");
        }
        if (!parts[2].equals(fingerprint)) {
            throw new Rejected("The fingerprint in the keyId does not match an API key of the user.");
        }
        List<String> signed = List.of(params.getOrDefault("headers", "date").toLowerCase(Locale.ROOT).split(" "));
        if (!signed.containsAll(REQUIRED_FOR_GET)) {
            throw new Rejected("The signature does not cover the required headers " + REQUIRED_FOR_GET + ".");
        }
        StringBuilder toSign = new StringBuilder();
        for (String name : signed) {
            if (toSign.length() > 0) {
                toSign.append('\n');
            }
            if (name.equals("(request-target)")) {
                toSign.append("(request-target): ").append(method.toLowerCase(Locale.ROOT)).append(' ').append(rawPathAndQuery);
            } else {
                String value = header.apply(name);
                if (value == null) {
                    throw new Rejected("Signed header '" + name + "' is missing from the request.");
                }
                toSign.append(name).append(": ").append(value);
            }
        }
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(publicKey);
            s.update(toSign.toString().getBytes(StandardCharsets.UTF_8));
            if (!s.verify(Base64.getDecoder().decode(params.getOrDefault("signature", "")))) {
                throw new Rejected("The request signature does not verify.");
            }
        } catch (Rejected e) {
            throw e;
        } catch (Exception e) {
            throw new Rejected("The request signature could not be checked.");
        }
        Instant date;
        try {
            date = ZonedDateTime.parse(header.apply("date"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (Exception e) {
            throw new Rejected("The date header is not an RFC 1123 date.");
        }
        if (Duration.between(date, Instant.now()).abs().compareTo(MAX_SKEW) > 0) {
            throw new Rejected("The date header is more than 5 minutes from the server's clock.");
        }
    }
}
