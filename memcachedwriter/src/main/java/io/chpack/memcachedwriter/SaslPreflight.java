package io.chpack.memcachedwriter;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.alibaba.datax.common.exception.DataXException;

/**
 * One SASL PLAIN authentication per server before any task starts. spymemcached reacts to rejected
 * credentials by reconnecting and re-authenticating in the background while operations time out, so a wrong
 * password would surface only as "no server answered"; this check names the real cause (and the user, never
 * the password). Servers that cannot be reached are left to the failure mode, as without SASL.
 */
final class SaslPreflight {
    private static final int STATUS_AUTH_ERROR = 0x20;

    private SaslPreflight() {
    }

    static void check(MemcachedConfig config) {
        if (config.username == null) {
            return;
        }
        List<String> rejected = new ArrayList<>();
        String reply = null;
        for (String server : config.servers) {
            int colon = server.lastIndexOf(':');
            String host = server.substring(0, colon);
            int port = Integer.parseInt(server.substring(colon + 1));
            try {
                Answer a = authenticate(host, port, config.username, config.password, (int) Math.min(config.opTimeoutMs, 30_000));
                if (a.status == STATUS_AUTH_ERROR) {
                    rejected.add(server);
                    reply = a.text;
                } else if (a.status != 0) {
                    throw DataXException.asDataXException(MemcachedWriterErrorCode.CONNECT_FAILED, "memcached " + server
                            + " answered SASL PLAIN authentication with status 0x" + Integer.toHexString(a.status) + " ("
                            + a.text + "); is it running with -S and does its SASL configuration allow PLAIN?");
                }
            } catch (IOException unreachable) {
                // not reachable now: Task.init and failureMode decide, exactly as for servers without SASL
            }
        }
        if (!rejected.isEmpty()) {
            throw DataXException.asDataXException(MemcachedWriterErrorCode.AUTH_FAILED, "SASL PLAIN authentication as user '"
                    + config.username + "' was rejected by " + rejected + " (server: " + reply
                    + "); check parameter.username and parameter.password");
        }
    }

    private static final class Answer {
        final int status;
        final String text;

        Answer(int status, String text) {
            this.status = status;
            this.text = text;
        }
    }

    /** Binary protocol SASL AUTH (opcode 0x21), mechanism PLAIN: "\0user\0password". */
    private static Answer authenticate(String host, int port, String user, String password, int timeoutMs) throws IOException {
        byte[] key = "PLAIN".getBytes(StandardCharsets.US_ASCII);
        byte[] u = user.getBytes(StandardCharsets.UTF_8);
        byte[] p = password.getBytes(StandardCharsets.UTF_8);
        byte[] value = new byte[2 + u.length + p.length];
        System.arraycopy(u, 0, value, 1, u.length);
        System.arraycopy(p, 0, value, 2 + u.length, p.length);
        ByteBuffer request = ByteBuffer.allocate(24 + key.length + value.length);
        request.put((byte) 0x80).put((byte) 0x21).putShort((short) key.length).put((byte) 0).put((byte) 0)
                .putShort((short) 0).putInt(key.length + value.length).putInt(0).putLong(0).put(key).put(value);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), timeoutMs);
            s.setSoTimeout(timeoutMs);
            OutputStream out = s.getOutputStream();
            out.write(request.array());
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] header = new byte[24];
            in.readFully(header);
            ByteBuffer h = ByteBuffer.wrap(header);
            if ((h.get(0) & 0xFF) != 0x81) {
                throw new IOException("not a memcached binary-protocol answer");
            }
            int status = h.getShort(6) & 0xFFFF;
            int bodyLength = h.getInt(8);
            byte[] body = new byte[Math.min(bodyLength, 4096)];
            in.readFully(body);
            return new Answer(status, new String(body, StandardCharsets.UTF_8).trim());
        }
    }
}
