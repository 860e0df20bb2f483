package io.chpack.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks free loopback ports by letting the kernel choose (bind port 0). Another process can still take
 * the port before the server binds it; servers therefore retry their start on "address in use".
 */
public final class FreePorts {
    private FreePorts() {
    }

    public static int pick() {
        return pick(1)[0];
    }

    /** {@code n} distinct ports: all sockets stay open until every port is chosen. */
    public static int[] pick(int n) {
        List<ServerSocket> open = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                open.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pick a free port on 127.0.0.1", e);
        } finally {
            for (ServerSocket s : open) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a listening socket we own cannot fail in a way that matters here
                }
            }
        }
    }

    /** True when nothing listens on 127.0.0.1:port (used to prove a stopped server let go of its port). */
    public static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return s.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
