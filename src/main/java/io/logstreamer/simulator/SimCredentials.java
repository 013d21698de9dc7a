package io.logstreamer.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * An API key and an OCI config file for the simulated tenancy, so the exporter can be tried
 * without an OCI account: the same files a user gets from the console's "Add API key".
 */
public final class SimCredentials {

    public static final String USER_ID = "ocid1.user.oc1..aaaasimulateduser";
    public static final String REGION = "eu-frankfurt-1";

    private final Path configFile;
    private final Path privateKeyFile;
    private final Path publicKeyFile;
    private final PublicKey publicKey;

    private SimCredentials(Path configFile, Path privateKeyFile, Path publicKeyFile, PublicKey publicKey) {
        this.configFile = configFile;
        this.privateKeyFile = privateKeyFile;
        this.publicKeyFile = publicKeyFile;
        this.publicKey = publicKey;
    }

    /** Generates a fresh RSA key pair and writes key files and a config with profile DEFAULT into dir. */
    public static SimCredentials create(Path dir, SimWorld world) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            pair = gen.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
        Files.createDirectories(dir);
        Path privateKey = dir.resolve("sim_api_key.pem");
        Path publicKeyPem = dir.resolve("sim_api_key_public.pem");
        Path config = dir.resolve("config");
        writeOwnerOnly(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKeyPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        String text = "[DEFAULT]\n"
                + "user=" + USER_ID + "\n"
                + "fingerprint=" + SignatureVerifier.fingerprint(pair.getPublic()) + "\n"
                + "tenancy=" + world.tenancyId() + "\n"
                + "region=" + REGION + "\n"
                + "key_file=" + privateKey.toAbsolutePath() + "\n";
        writeOwnerOnly(config, text);
        return new SimCredentials(config, privateKey, publicKeyPem, pair.getPublic());
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    private static String pem(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }

    /** Reads a PEM "PUBLIC KEY" (X.509 SubjectPublicKeyInfo), as the OCI console shows it. */
    public static PublicKey readPublicKey(Path pemFile) throws IOException {
        String text = Files.readString(pemFile, StandardCharsets.US_ASCII);
        String b64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
        } catch (Exception e) {
            throw new IOException("not a PEM RSA public key: " + pemFile, e);
        }
    }

    public Path configFile() {
        return configFile;
    }

    public Path privateKeyFile() {
        return privateKeyFile;
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    public PublicKey publicKey() {
        return publicKey;
    }
}
