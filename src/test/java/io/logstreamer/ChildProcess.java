package io.logstreamer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.logstreamer.cli.LogstreamerCommand;

/** The command in a JVM of its own: for signals, exit codes and everything a run prints. */
public final class ChildProcess {

    public final Process process;
    public final Path output;

    private ChildProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    public static ChildProcess start(Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                LogstreamerCommand.class.getName()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(workDir, "child-", ".log");
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new ChildProcess(p, output);
    }

    /** Everything the process printed, stdout and stderr. */
    public String printed() throws IOException {
        return Files.readString(output);
    }
}
