package org.imrworkbench.reliability;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Trips on every way a Java program can reach the network, without a SecurityManager: it is installed in a child
 * JVM (the factories can be set once per JVM) before the app runs, records each attempt and refuses it.
 *
 * <ul>
 *   <li>{@code java.net.Socket} and {@code ServerSocket}, by their JVM-wide socket factories;</li>
 *   <li>{@code DatagramSocket} (UDP), by its JVM-wide implementation factory;</li>
 *   <li>{@code URL.openConnection} for network protocols (http, https, ftp, ...), by a URL stream handler
 *       factory; file, jar and jrt URLs (class-path resources) keep their usual handlers;</li>
 *   <li>NIO channels ({@code SocketChannel}, {@code DatagramChannel}, ...) and so {@code java.net.http.HttpClient},
 *       by a {@link TripwireSelectorProvider} named with {@code -Djava.nio.channels.spi.SelectorProvider};</li>
 *   <li>proxy look-ups, which precede any HTTP request, by the default {@code ProxySelector}.</li>
 * </ul>
 */
final class NetworkTripwire {

    /** Every attempt seen, as "kind: detail". */
    static final List<String> ATTEMPTS = new CopyOnWriteArrayList<>();

    private static final Set<String> NETWORK_PROTOCOLS = Set.of("http", "https", "ftp", "mailto", "ldap", "ldaps",
            "rmi", "dns", "telnet", "gopher", "netdoc");

    private NetworkTripwire() {
    }

    static void record(String attempt) {
        ATTEMPTS.add(attempt);
        System.err.println("NETWORK ATTEMPT: " + attempt);
    }

    @SuppressWarnings("deprecation") // the datagram factory is deprecated in Java 17 but still consulted
    static void install() throws IOException {
        Socket.setSocketImplFactory(() -> {
            record("socket");
            throw new IllegalStateException("network use is refused by the test");
        });
        ServerSocket.setSocketFactory(() -> {
            record("server socket");
            throw new IllegalStateException("network use is refused by the test");
        });
        DatagramSocket.setDatagramSocketImplFactory(() -> {
            record("datagram socket");
            throw new IllegalStateException("network use is refused by the test");
        });
        URL.setURLStreamHandlerFactory(protocol -> !NETWORK_PROTOCOLS.contains(protocol.toLowerCase(Locale.ROOT))
                ? null : new URLStreamHandler() {
                    @Override
                    protected URLConnection openConnection(URL u) throws IOException {
                        record("url " + u);
                        throw new IOException("network use is refused by the test");
                    }

                    @Override
                    protected URLConnection openConnection(URL u, Proxy p) throws IOException {
                        return openConnection(u);
                    }
                });
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                record("proxy look-up " + uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                record("connect failed " + uri);
            }
        });
    }
}
