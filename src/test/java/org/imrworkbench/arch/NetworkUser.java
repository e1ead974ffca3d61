package org.imrworkbench.arch;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.channels.SocketChannel;

/** Code that reaches the network in each way {@link PrivacyTest} forbids: only to show that its rules catch it. */
final class NetworkUser {

    private NetworkUser() {
    }

    static final class Sockets {
        Socket connect() throws IOException {
            return new Socket("example.org", 80);
        }
    }

    static final class Http {
        HttpClient client() {
            return HttpClient.newHttpClient();
        }
    }

    static final class Url {
        InputStream read() throws IOException {
            return URI.create("https://example.org/").toURL().openStream();
        }
    }

    static final class Channel {
        SocketChannel open() throws IOException {
            return SocketChannel.open();
        }
    }
}
