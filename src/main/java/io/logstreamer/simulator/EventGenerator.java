package io.logstreamer.simulator;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes one simulated audit event in the API's wire format. Each event is derived from
 * (seed, compartment, index) alone, so the same event is produced on every request and by the
 * ground-truth printer. Some events carry hostile but valid content on purpose.
 */
public final class EventGenerator {

    /** yyyy-MM-dd'T'HH:mm:ss.SSS'Z' without DateTimeFormatter, which was a twentieth of the simulator's CPU. */
    static String wireTime(long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000);
        int millis = (int) Math.floorMod(epochMillis, 1000);
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        char[] c = "0000-00-00T00:00:00.000Z".toCharArray();
        put(c, 0, t.getYear(), 4);
        put(c, 5, t.getMonthValue(), 2);
        put(c, 8, t.getDayOfMonth(), 2);
        put(c, 11, t.getHour(), 2);
        put(c, 14, t.getMinute(), 2);
        put(c, 17, t.getSecond(), 2);
        put(c, 20, millis, 3);
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private record EventKind(String eventType, String source, String action, String path, String resource,
                             double weight) {
    }

    private static final EventKind[] KINDS = {
        new EventKind("com.oraclecloud.ComputeApi.GetInstance", "ComputeApi", "GET", "/20160918/instances/", "instance", 14),
        new EventKind("com.oraclecloud.ComputeApi.ListInstances", "ComputeApi", "GET", "/20160918/instances", "instance", 10),
        new EventKind("com.oraclecloud.ComputeApi.LaunchInstance.begin", "ComputeApi", "POST", "/20160918/instances", "instance", 1),
        new EventKind("com.oraclecloud.ComputeApi.TerminateInstance.end", "ComputeApi", "DELETE", "/20160918/instances/", "instance", 0.5),
        new EventKind("com.oraclecloud.computeManagement.ListInstancePools", "computeManagement", "GET", "/20160918/instancePools", "instancepool", 2),
        new EventKind("com.oraclecloud.identityControlPlane.ListCompartments", "identityControlPlane", "GET", "/20160918/compartments", "compartment", 9),
        new EventKind("com.oraclecloud.identityControlPlane.UpdatePolicy", "identityControlPlane", "PUT", "/20160918/policies/", "policy", 0.3),
        new EventKind("com.oraclecloud.IdentitySignOn.InteractiveLogin", "IdentitySignOn", "POST", "/v1/authn", "user", 1.5),
        new EventKind("com.oraclecloud.objectstorage.getobject", "objectstorage", "GET", "/n/ns/b/logs/o/", "object", 12),
        new EventKind("com.oraclecloud.objectstorage.putobject", "objectstorage", "PUT", "/n/ns/b/logs/o/", "object", 6),
        new EventKind("com.oraclecloud.virtualNetwork.ListVcns", "virtualNetwork", "GET", "/20160918/vcns", "vcn", 8),
        new EventKind("com.oraclecloud.virtualNetwork.UpdateSecurityList", "virtualNetwork", "PUT", "/20160918/securityLists/", "securitylist", 0.4),
        new EventKind("com.oraclecloud.DatabaseService.ListDbSystems", "DatabaseService", "GET", "/20160918/dbSystems", "dbsystem", 4),
        new EventKind("com.oraclecloud.keymanagementservice.Decrypt", "keymanagementservice", "POST", "/20180608/decrypt", "key", 3),
        new EventKind("com.oraclecloud.audit.ListEvents", "audit", "GET", "/20190901/auditEvents", "tenancy", 1),
    };
    private static final double TOTAL_WEIGHT;

    static {
        double sum = 0;
        for (EventKind k : KINDS) {
            sum += k.weight();
        }
        TOTAL_WEIGHT = sum;
    }

    private static final String[] PRINCIPALS = {
        "alice@example.com", "bob@example.com", "svc-terraform", "ci-runner",
        "Zoë Ångström 测试 🔐", "o'brien \"the admin\"", "C:\\Users\\admin",
    };
    private static final String[] USER_AGENTS = {
        "Oracle-JavaSDK/3.25.2", "Oracle-PythonSDK/2.139.0", "Oracle-CLI/3.45.0",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36", "Terraform/1.6.4 (+https://www.terraform.io)",
    };

    private final long seed;
    private final SimWorld world;

    EventGenerator(long seed, SimWorld world) {
        this.seed = seed;
        this.world = world;
    }

    private SplittableRandom random(String compartmentId, long index) {
        return new SplittableRandom(SimWorld.mix(seed * 0x100000001B3L ^ compartmentId.hashCode() ^ (index << 20) ^ index));
    }

    private static EventKind kind(SplittableRandom r) {
        double x = r.nextDouble() * TOTAL_WEIGHT;
        for (EventKind k : KINDS) {
            x -= k.weight();
            if (x < 0) {
                return k;
            }
        }
        return KINDS[KINDS.length - 1];
    }

    private static String uuid(SplittableRandom r) {
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    /** The identity of an event without rendering it: what ground-truth listings need. */
    public record EventKey(String eventId, String eventType) {
    }

    public EventKey key(String compartmentId, long index) {
        SplittableRandom r = random(compartmentId, index);
        EventKind k = kind(r);
        return new EventKey(uuid(r), k.eventType());
    }

    public void write(JsonGenerator g, String compartmentId, long index) throws IOException {
        SplittableRandom r = random(compartmentId, index);
        EventKind k = kind(r);
        String eventId = uuid(r);
        SimCompartment compartment = world.compartment(compartmentId).orElseThrow();
        long processed = world.processedMillis(compartmentId, index);
        long eventTime = processed - r.nextInt(120_000);
        String principal = PRINCIPALS[r.nextInt(PRINCIPALS.length)];
        String resourceId = "ocid1." + k.resource() + ".oc1.eu-frankfurt-1.sim" + Long.toHexString(r.nextLong() >>> 4);
        boolean hostile = index % 97 == 13;
        boolean huge = index % 4999 == 7;

        g.writeStartObject();
        g.writeStringField("eventType", k.eventType());
        g.writeStringField("cloudEventsVersion", "0.1");
        g.writeStringField("eventTypeVersion", "2.0");
        g.writeStringField("source", k.source());
        g.writeStringField("eventId", eventId);
        g.writeStringField("eventTime", wireTime(eventTime));
        g.writeStringField("contentType", "application/json");
        g.writeObjectFieldStart("data");
        g.writeStringField("eventGroupingId", uuid(r));
        g.writeStringField("eventName", k.eventType().substring(k.eventType().lastIndexOf('.') + 1));
        g.writeStringField("compartmentId", compartmentId);
        g.writeStringField("compartmentName", compartment.name());
        g.writeStringField("resourceName", hostile ? "bucket \"quoted\" \\ back\\slash\ttab\nnewline \u0001 ✓ ünïcödé" : k.resource() + "-" + r.nextInt(500));
        g.writeStringField("resourceId", resourceId);
        if (r.nextInt(4) == 0) {
            g.writeNullField("availabilityDomain");
        } else {
            g.writeStringField("availabilityDomain", "AD" + (1 + r.nextInt(3)));
        }
        g.writeObjectFieldStart("freeformTags");
        if (r.nextBoolean()) {
            g.writeStringField("team", r.nextBoolean() ? "platform" : "sécurité");
        }
        g.writeEndObject();
        if (r.nextInt(3) == 0) {
            g.writeNullField("definedTags");
        } else {
            g.writeObjectFieldStart("definedTags");
            g.writeObjectFieldStart("Oracle-Tags");
            g.writeStringField("CreatedBy", principal);
            g.writeStringField("CreatedOn", wireTime(eventTime - 86_400_000L));
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeObjectFieldStart("identity");
        g.writeStringField("principalName", principal);
        g.writeStringField("principalId", "ocid1.user.oc1..sim" + Integer.toHexString(principal.hashCode()));
        g.writeStringField("authType", r.nextInt(5) == 0 ? "instance" : "natv");
        g.writeNullField("callerName");
        g.writeNullField("callerId");
        g.writeStringField("tenantId", world.tenancyId());
        g.writeStringField("ipAddress", "192.0.2." + r.nextInt(255));
        g.writeNullField("credentials");
        g.writeStringField("userAgent", USER_AGENTS[r.nextInt(USER_AGENTS.length)]);
        g.writeStringField("consoleSessionId", r.nextInt(3) == 0 ? uuid(r) : null);
        g.writeEndObject();
        g.writeObjectFieldStart("request");
        g.writeStringField("id", uuid(r).replace("-", "").toUpperCase() + "/" + uuid(r));
        g.writeStringField("path", k.path().endsWith("/") ? k.path() + resourceId : k.path());
        g.writeStringField("action", k.action());
        g.writeObjectFieldStart("parameters");
        if (k.action().equals("GET") && !k.path().endsWith("/")) {
            g.writeArrayFieldStart("compartmentId");
            g.writeString(compartmentId);
            g.writeEndArray();
            g.writeArrayFieldStart("limit");
            g.writeString("1000");
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("headers");
        g.writeArrayFieldStart("User-Agent");
        g.writeString(USER_AGENTS[r.nextInt(USER_AGENTS.length)]);
        g.writeEndArray();
        g.writeArrayFieldStart("opc-request-id");
        g.writeString(uuid(r));
        g.writeEndArray();
        g.writeArrayFieldStart("Accept");
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("response");
        int status = r.nextInt(20) == 0 ? 404 : 200;
        g.writeStringField("status", Integer.toString(status));
        g.writeObjectFieldStart("headers");
        g.writeArrayFieldStart("Content-Type");
        g.writeString("application/json");
        g.writeEndArray();
        g.writeEndObject();
        g.writeStringField("responseTime", wireTime(eventTime + r.nextInt(900)));
        if (status == 200) {
            g.writeObjectFieldStart("payload");
            g.writeStringField("id", resourceId);
            g.writeEndObject();
            g.writeNullField("message");
        } else {
            g.writeNullField("payload");
            g.writeStringField("message", "NotAuthorizedOrNotFound: resource not found or not authorized");
        }
        g.writeEndObject();
        g.writeObjectFieldStart("stateChange");
        g.writeNullField("previous");
        if (k.action().equals("GET")) {
            g.writeNullField("current");
        } else {
            g.writeObjectFieldStart("current");
            g.writeStringField("lifecycleState", "RUNNING");
            g.writeArrayFieldStart("nsgIds");
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("additionalDetails");
        g.writeFieldName("sizeInBytes");
        g.writeNumber(r.nextInt(1 << 30));
        if (hostile) {
            // Verbatim number forms that a careless re-encoding would change.
            g.writeFieldName("ratio");
            g.writeNumber("1E+2");
            g.writeFieldName("precise");
            g.writeNumber("0.1000000000000000055511151231257827");
            g.writeFieldName("nested");
            g.writeStartObject();
            g.writeArrayFieldStart("empty");
            g.writeEndArray();
            g.writeObjectFieldStart("deeper");
            g.writeNullField("nothing");
            g.writeStringField("emoji", "😀 \u2028 \u0000 </script>");
            g.writeEndObject();
            g.writeEndObject();
        }
        if (huge) {
            g.writeStringField("longText", "x".repeat(20_000) + "…end");
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }
}
