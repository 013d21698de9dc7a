package io.logstreamer.component;

import io.logstreamer.plan.Window;

/**
 * A window that could not be exported completely: the pages before {@code pagesDone} were
 * written, the rest of the window is missing.
 */
public record Gap(Window window, String error, int attempts, long pagesDone) {

    @Override
    public String toString() {
        return "compartment " + window.compartmentId() + ", " + window.start() + " .. " + window.end()
                + " (" + pagesDone + " page(s) done): " + error;
    }
}
