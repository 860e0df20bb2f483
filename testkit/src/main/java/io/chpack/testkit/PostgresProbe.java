package io.chpack.testkit;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL readiness without a JDBC driver: a protocol 3.0 StartupMessage (trust auth) must end in
 * ReadyForQuery ('Z'). During start-up the server answers ErrorResponse ("the database system is starting
 * up"), which counts as not ready.
 */
final class PostgresProbe {
    private PostgresProbe() {
    }

    static boolean readyForQuery(String host, int port, String user, String database) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            s.setSoTimeout(3000);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream b = new DataOutputStream(body);
            b.writeInt(196608); // protocol 3.0
            cstring(b, "user");
            cstring(b, user);
            cstring(b, "database");
            cstring(b, database);
            b.writeByte(0);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(body.size() + 4);
            body.writeTo(out);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            while (true) {
                int type = in.readUnsignedByte();
                int len = in.readInt();
                byte[] payload = new byte[len - 4];
                in.readFully(payload);
                if (type == 'E') {
                    throw new IOException("server error: " + new String(payload, StandardCharsets.UTF_8)
                            .replace('\0', ' ').trim());
                }
                if (type == 'R' && payload.length >= 4 && payload[3] != 0) {
                    throw new IOException("server asks for a password (authentication type " + payload[3] + ")");
                }
                if (type == 'Z') {
                    out.write(new byte[] {'X', 0, 0, 0, 4}); // Terminate
                    out.flush();
                    return true;
                }
            }
        }
    }

    private static void cstring(DataOutputStream b, String s) throws IOException {
        b.write(s.getBytes(StandardCharsets.UTF_8));
        b.writeByte(0);
    }
}
