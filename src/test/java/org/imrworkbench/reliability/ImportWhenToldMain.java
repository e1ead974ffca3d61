package org.imrworkbench.reliability;

import org.imrworkbench.cli.Cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * Child process of {@link TwoWritersTest}: prints {@code ready}, waits for a line on stdin, then runs the command
 * line it was given (e.g. {@code import --library DB --json FOLDER}) and prints its status, stdout and stderr, so two
 * such children start their work at the same moment.
 */
public final class ImportWhenToldMain {

    private ImportWhenToldMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        System.out.println(status);
        System.out.println(out.toString().strip().replace('\n', ' '));
        System.out.println(err.toString().strip().replace('\n', '\u001f'));
        System.out.flush();
    }
}
