package io.logstreamer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.logstreamer.SimulatorFixture;
import io.logstreamer.SimulatorFixture.Run;
import io.logstreamer.simulator.SignatureVerifier;
import io.logstreamer.simulator.SimWorld;
import io.logstreamer.simulator.Simulator;

/** A key encrypted with a pass phrase, as `oci setup keys` and openssl write it. */
class PassPhraseTest {

    @TempDir
    Path dir;

    @Test
    void theRightPassPhraseExportsAndAWrongOneIsExitTwo() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair pair = gen.generateKeyPair();
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
            w.writeObject(pair.getPrivate(), new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(new BouncyCastleProvider()).build("correct horse".toCharArray()));
        }
        assertTrue(pem.toString().contains("ENCRYPTED"), "the key on disk is encrypted");
        Path key = Files.writeString(dir.resolve("key.pem"), pem.toString());
        SimWorld world = new SimWorld(3, 500, Instant.parse("2025-12-01T00:00:00Z"), Instant.parse("2025-12-02T00:00:00Z"));
        try (Simulator sim = new Simulator(world, pair.getPublic(), Simulator.Options.defaults()).start()) {
            String profile = "user=ocid1.user.oc1..me\nfingerprint=" + SignatureVerifier.fingerprint(pair.getPublic())
                    + "\ntenancy=" + world.tenancyId() + "\nregion=eu-frankfurt-1\nkey_file=" + key + "\n";
            Path config = Files.writeString(dir.resolve("config"),
                    "[DEFAULT]\n" + profile + "pass_phrase=correct horse\n\n[WRONG]\n" + profile + "pass_phrase=battery staple\n");
            Path out = dir.resolve("a.json");
            String[] common = {"--ociconfig", config.toString(), "--endpoint", sim.baseUrl(), "--startdate", "01.12.25",
                "--enddate", "01.12.25", "--outputfile", out.toString(), "--countsfile", dir.resolve("c.json").toString()};

            Run wrong = SimulatorFixture.run(concat(common, "--profilename", "WRONG"));
            assertEquals(2, wrong.exitCode(), wrong.err());
            assertTrue(wrong.err().contains("cannot load the private key"), wrong.err());
            assertFalse(wrong.err().contains("battery"), "the pass phrase is never printed");
            assertFalse(Files.exists(out));

            Run right = SimulatorFixture.run(concat(common, "--profilename", "DEFAULT"));
            assertEquals(0, right.exitCode(), right.err());
            assertEquals(world.eventCount(world.tenancyId()), SimulatorFixture.MAPPER.readTree(out.toFile()).size());
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
