package io.logstreamer.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.logstreamer.SimulatorFixture;
import io.logstreamer.SimulatorFixture.Run;

/** A simulated tenancy whose events keep arriving, for exporters that run on a schedule. */
class LiveWorldTest {

    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static final Instant FROM = Instant.parse("2025-12-01T00:00:00Z");

    @Test
    void eventsAppearAsTheClockMovesAndThePastNeverChanges() {
        MovingClock clock = new MovingClock(FROM.plus(Duration.ofHours(1)));
        SimWorld w = SimWorld.live(3, 600, FROM, clock);
        String root = w.tenancyId();
        long firstHour = w.eventCount(root);
        assertTrue(firstHour > 8_000 && firstHour < 12_000, "about 600/min x 60 x root share: " + firstHour);
        long[] asked = w.indexRange(root, FROM, FROM.plus(Duration.ofHours(5)));
        assertEquals(firstHour, asked[1] - asked[0], "nothing after now is served");
        List<String> before = new ArrayList<>();
        for (long i = asked[0]; i < asked[1]; i++) {
            before.add(w.generator().key(root, i).eventId());
        }
        clock.advance(Duration.ofMinutes(30));
        assertTrue(w.eventCount(root) > firstHour * 14 / 10, "half an hour more of events");
        long[] again = w.indexRange(root, FROM, FROM.plus(Duration.ofHours(1)));
        List<String> after = new ArrayList<>();
        for (long i = again[0]; i < again[1]; i++) {
            after.add(w.generator().key(root, i).eventId());
        }
        assertEquals(before, after, "the first hour is the same after the clock moved");
    }

    @Test
    void consecutiveExportsOfALiveTenancyAddUpToItsGroundTruth() throws Exception {
        MovingClock clock = new MovingClock(FROM.plus(Duration.ofMinutes(20)));
        SimWorld w = SimWorld.live(5, 300, FROM, clock);
        try (SimulatorFixture sim = new SimulatorFixture(dir, w, new Simulator.Options("127.0.0.1", 0, 50, 0))) {
            List<String> got = new ArrayList<>();
            Instant start = FROM;
            for (int run = 0; run < 3; run++) {
                Instant end = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
                Path out = dir.resolve("window-" + run + ".json");
                Run r = sim.export("--startdate", start.toString(), "--enddate", end.toString(), "--outputfile", out.toString());
                assertEquals(0, r.exitCode(), r.err());
                got.addAll(SimulatorFixture.idsOf(out));
                start = end;
                clock.advance(Duration.ofMinutes(17));
            }
            List<String> expected = sim.expectedIds(List.of(w.tenancyId()), FROM, start);
            assertTrue(expected.size() > 1_000);
            assertEquals(expected, got, "no event missing or repeated across windows");
        }
    }
}
