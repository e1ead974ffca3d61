package org.imrworkbench.reliability;

import org.imrworkbench.library.Library;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Child process of {@link TwoWritersTest}: another window with the library open, until stdin is closed. */
public final class HoldOpenMain {

    private HoldOpenMain() {
    }

    public static void main(String[] args) throws Exception {
        try (Library library = Library.open(Path.of(args[0]))) {
            System.out.println(library.caseCount());
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
    }
}
