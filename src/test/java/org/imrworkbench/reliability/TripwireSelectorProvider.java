package org.imrworkbench.reliability;

import java.io.IOException;
import java.net.ProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;

/**
 * The NIO side of {@link NetworkTripwire}: named as the JVM's selector provider, it records and refuses every
 * network channel and selector (the HTTP client opens both).
 */
public final class TripwireSelectorProvider extends SelectorProvider {

    private IOException refuse(String what) {
        NetworkTripwire.record(what);
        return new IOException("network use is refused by the test");
    }

    @Override
    public DatagramChannel openDatagramChannel() throws IOException {
        throw refuse("datagram channel");
    }

    @Override
    public DatagramChannel openDatagramChannel(ProtocolFamily family) throws IOException {
        throw refuse("datagram channel");
    }

    @Override
    public Pipe openPipe() throws IOException {
        throw refuse("pipe (selector plumbing)");
    }

    @Override
    public AbstractSelector openSelector() throws IOException {
        throw refuse("selector");
    }

    @Override
    public ServerSocketChannel openServerSocketChannel() throws IOException {
        throw refuse("server socket channel");
    }

    @Override
    public SocketChannel openSocketChannel() throws IOException {
        throw refuse("socket channel");
    }
}
