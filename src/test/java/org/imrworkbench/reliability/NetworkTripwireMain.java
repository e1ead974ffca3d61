package org.imrworkbench.reliability;

import org.imrworkbench.cli.Cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Child process of {@link NoNetworkAtRuntimeTest}: installs the {@link NetworkTripwire}, then either runs the command
 * lines of a file (one per line, arguments separated by tabs) printing {@code status N} for each, or, with
 * {@code --control}, tries the network in every way to show that the tripwire sees it. Last line:
 * {@code attempts N}.
 */
public final class NetworkTripwireMain {

    private NetworkTripwireMain() {
    }

    public static void main(String[] args) throws Exception {
        NetworkTripwire.install();
        if (args[0].equals("--control")) {
            control();
        } else {
            for (String line : Files.readAllLines(Path.of(args[0]))) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int status = Cli.run(new PrintWriter(out), new PrintWriter(err), line.split("\t"));
                System.out.println("status " + status + " " + line.split("\t")[0]
                        + (status == 0 ? "" : " " + err.toString().strip().replace('\n', ' ')));
            }
        }
        for (String attempt : NetworkTripwire.ATTEMPTS) {
            System.out.println("attempt " + attempt);
        }
        System.out.println("attempts " + NetworkTripwire.ATTEMPTS.size());
        System.out.flush();
        System.exit(0);
    }

    /** Every way in, each expected to be recorded and refused. */
    private static void control() {
        Map<String, ThrowingRunnable> tries = new LinkedHashMap<>();
        tries.put("socket", () -> new Socket("127.0.0.1", 9).close());
        tries.put("server-socket", () -> new ServerSocket(0).close());
        tries.put("datagram-socket", () -> new DatagramSocket().close());
        tries.put("url", () -> URI.create("http://127.0.0.1:9/").toURL().openConnection().connect());
        tries.put("socket-channel", () -> SocketChannel.open().close());
        tries.put("http-client", () -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:9/")).build(),
                HttpResponse.BodyHandlers.discarding()));
        // with SSL parameters given, the client skips making a default SSL socket and goes straight to NIO
        tries.put("http-client-nio", () -> HttpClient.newBuilder().sslParameters(new javax.net.ssl.SSLParameters())
                .build().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:9/")).build(),
                        HttpResponse.BodyHandlers.discarding()));
        for (var t : tries.entrySet()) {
            int before = NetworkTripwire.ATTEMPTS.size();
            try {
                t.getValue().run();
            } catch (Exception | Error refused) {
                // refused, as it should be; the attempt is recorded
            }
            System.out.println("try " + t.getKey() + " recorded " + (NetworkTripwire.ATTEMPTS.size() - before));
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
