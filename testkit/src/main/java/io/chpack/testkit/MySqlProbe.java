package io.chpack.testkit;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * MariaDB readiness without a JDBC driver: a server that accepts connections greets with a handshake
 * packet (protocol version 10); an error packet (0xff) or a closed socket means "not yet".
 */
final class MySqlProbe {
    private MySqlProbe() {
    }

    static boolean handshake(String host, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            s.setSoTimeout(2000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] header = new byte[4];
            in.readFully(header);
            int first = in.readUnsignedByte();
            if (first == 0xff) {
                throw new IOException("server answered with an error packet");
            }
            return first == 10;
        }
    }
}
