package io.chpack.testkit.maxcompute;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server: keep-alive, {@code Content-Length} and chunked request bodies, {@code 100-continue},
 * and response header names sent exactly as given (the ODPS SDK looks some of them up case-sensitively, which
 * {@code com.sun.net.httpserver} breaks by capitalising them). One daemon thread per connection.
 */
final class MiniHttpServer implements AutoCloseable {
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 200;

    /** One parsed request. Header lookup ignores case; the body is streamed (read it at most once). */
    static final class Request {
        final String method;
        final String rawPath;
        final String path;
        final String rawQuery;
        /** Decoded query parameters in arrival order; a parameter without {@code =} maps to null. */
        final Map<String, String> params;
        final List<String[]> headers;
        final InputStream body;
        final Socket socket;

        Request(String method, String rawPath, String rawQuery, List<String[]> headers, InputStream body,
                Socket socket) {
            this.method = method;
            this.rawPath = rawPath;
            this.path = decode(rawPath, false);
            this.rawQuery = rawQuery;
            this.params = parseQuery(rawQuery);
            this.headers = headers;
            this.body = body;
            this.socket = socket;
        }

        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        boolean has(String param) {
            return params.containsKey(param);
        }

        String param(String name) {
            return params.get(name);
        }

        byte[] readBody() throws IOException {
            return body.readAllBytes();
        }
    }

    /** A response; header names are written verbatim, in insertion order. */
    static final class Response {
        final int status;
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = new byte[0];
        /** Close the connection after this response. */
        boolean close;
        /** Close the connection without sending anything (fault injection). */
        boolean abort;

        Response(int status) {
            this.status = status;
        }

        Response header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Response body(byte[] b, String contentType) {
            this.body = b;
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            return this;
        }

        static Response aborted() {
            Response r = new Response(0);
            r.abort = true;
            return r;
        }
    }

    interface Handler {
        Response handle(Request request) throws Exception;
    }

    private final ServerSocket serverSocket;
    private final Handler handler;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threads = new AtomicInteger();
    private volatile boolean closed;

    MiniHttpServer(String host, int port, String name, Handler handler) {
        this.handler = handler;
        try {
            serverSocket = new ServerSocket();
            serverSocket.setReuseAddress(true);
            serverSocket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 100);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + name + " to " + host + ":" + port, e);
        }
        acceptor = new Thread(this::acceptLoop, name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = serverSocket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            open.add(s);
            Thread t = new Thread(() -> serve(s), acceptor.getName().replace("-accept", "-conn-")
                    + threads.incrementAndGet());
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket s) {
        try (Socket socket = s) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            while (!closed) {
                String requestLine = readLine(in);
                if (requestLine == null) {
                    return;
                }
                if (requestLine.isEmpty()) {
                    continue; // stray CRLF between requests
                }
                String[] parts = requestLine.split(" ");
                if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
                    writeSimple(out, 400, "bad request line");
                    return;
                }
                List<String[]> headers = new ArrayList<>();
                for (String line; !(line = readLine(in)).isEmpty();) {
                    int colon = line.indexOf(':');
                    if (colon <= 0 || headers.size() >= MAX_HEADERS) {
                        writeSimple(out, 400, "bad header");
                        return;
                    }
                    headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
                }
                String target = parts[1];
                int q = target.indexOf('?');
                String rawPath = q < 0 ? target : target.substring(0, q);
                String rawQuery = q < 0 ? "" : target.substring(q + 1);
                String te = find(headers, "Transfer-Encoding");
                String cl = find(headers, "Content-Length");
                InputStream body;
                if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
                    body = new ChunkedInputStream(in);
                } else if (cl != null) {
                    body = new BoundedInputStream(in, Long.parseLong(cl.trim()));
                } else {
                    body = new BoundedInputStream(in, 0);
                }
                String expect = find(headers, "Expect");
                if (expect != null && expect.equalsIgnoreCase("100-continue")) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                boolean http10 = parts[2].equals("HTTP/1.0");
                String connection = find(headers, "Connection");
                boolean keepAlive = !http10 && (connection == null || !connection.equalsIgnoreCase("close"));
                Request req = new Request(parts[0], rawPath, rawQuery, headers, body, socket);
                Response resp;
                try {
                    resp = handler.handle(req);
                } catch (Exception e) {
                    resp = new Response(500).body(("internal emulator error: " + e).getBytes(StandardCharsets.UTF_8),
                            "text/plain");
                }
                if (resp.abort) {
                    return; // socket closed by try-with-resources, nothing sent
                }
                // Drain what the handler did not read so the next request starts at the right byte.
                try {
                    body.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    return;
                }
                keepAlive &= !resp.close;
                StringBuilder head = new StringBuilder(256);
                head.append("HTTP/1.1 ").append(resp.status).append(' ').append(reason(resp.status)).append("\r\n");
                for (Map.Entry<String, String> h : resp.headers.entrySet()) {
                    head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
                }
                head.append("Content-Length: ").append(resp.body.length).append("\r\n");
                head.append("Connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n\r\n");
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                if (!req.method.equals("HEAD")) {
                    out.write(resp.body);
                }
                out.flush();
                if (!keepAlive) {
                    return;
                }
            }
        } catch (SocketException | EOFException e) {
            // client went away
        } catch (IOException e) {
            // broken connection: nothing to answer
        } finally {
            open.remove(s);
        }
    }

    private static String find(List<String[]> headers, String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    private static void writeSimple(OutputStream out, int status, String msg) throws IOException {
        byte[] b = msg.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: text/plain\r\nContent-Length: "
                + b.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    /** A line without its CRLF; null at a clean EOF before any byte. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        for (;;) {
            int c = in.read();
            if (c < 0) {
                if (b.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed inside a line");
            }
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            if (b.size() >= MAX_LINE) {
                throw new IOException("line too long");
            }
            b.write(c);
        }
    }

    static String reason(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 201:
                return "Created";
            case 204:
                return "No Content";
            case 400:
                return "Bad Request";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            case 409:
                return "Conflict";
            case 500:
                return "Internal Server Error";
            case 503:
                return "Service Unavailable";
            default:
                return "Status";
        }
    }

    static String decode(String s, boolean plusIsSpace) {
        if (!plusIsSpace) {
            s = s.replace("+", "%2B");
        }
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> m = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return m;
        }
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                m.put(decode(part, true), null);
            } else {
                m.put(decode(part.substring(0, eq), true), decode(part.substring(eq + 1), true));
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** Closes every open connection (fault injection): clients see a reset or EOF. */
    void dropConnections() {
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        dropConnections();
    }

    /** Exactly {@code length} bytes of the underlying stream; never closes it. */
    static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long length) {
            this.in = in;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int c = in.read();
            if (c < 0) {
                throw new EOFException("body shorter than Content-Length");
            }
            remaining--;
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("body shorter than Content-Length");
            }
            remaining -= n;
            return n;
        }

        @Override
        public void close() {
            // the connection owns the stream
        }
    }

    /** A chunked body (RFC 9112 §7.1), trailers skipped; never closes the underlying stream. */
    static final class ChunkedInputStream extends InputStream {
        private final InputStream in;
        private long chunkLeft;
        private boolean done;

        ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        private boolean nextChunk() throws IOException {
            if (done) {
                return false;
            }
            if (chunkLeft == 0) {
                String line = readLine(in);
                if (line == null) {
                    throw new EOFException("connection closed inside a chunked body");
                }
                int semi = line.indexOf(';');
                String hex = (semi < 0 ? line : line.substring(0, semi)).trim();
                chunkLeft = Long.parseLong(hex, 16);
                if (chunkLeft == 0) {
                    for (String t; (t = readLine(in)) != null && !t.isEmpty();) {
                        // trailer
                    }
                    done = true;
                    return false;
                }
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!nextChunk()) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, chunkLeft));
            if (n < 0) {
                throw new EOFException("connection closed inside a chunk");
            }
            chunkLeft -= n;
            if (chunkLeft == 0) {
                String crlf = readLine(in);
                if (crlf == null || !crlf.isEmpty()) {
                    throw new IOException("missing CRLF after a chunk");
                }
            }
            return n;
        }

        @Override
        public void close() {
            // the connection owns the stream
        }
    }
}
