package org.imrworkbench.testutil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second JVM running a main class of the tests' class path: another process on the same library, which a test can
 * kill with SIGKILL ({@link Process#destroyForcibly()} on Unix) as a power cut or a crash would.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** Starts {@code main} with {@code args}; stdout is readable, stderr goes to {@code stderr}. */
    public static Process start(Class<?> main, Path stderr, List<String> jvmOptions, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    }

    public static Process start(Class<?> main, Path stderr, String... args) throws IOException {
        return start(main, stderr, List.of(), args);
    }

    /** A reader of the child's stdout lines. */
    public static BufferedReader lines(Process child) {
        return new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    }
}
