package io.logstreamer.component;

import io.logstreamer.plan.Window;

/** Fetching one planned window failed; names the window so the user knows what is missing. */
public class WindowFailedException extends RuntimeException {

    private final transient Window window;

    public WindowFailedException(Window window, Throwable cause) {
        super("ListEvents for compartment " + window.compartmentId() + ", window " + window.start() + " .. "
                + window.end() + ": " + cause.getMessage(), cause);
        this.window = window;
    }

    public Window window() {
        return window;
    }
}
