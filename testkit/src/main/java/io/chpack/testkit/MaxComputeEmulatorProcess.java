package io.chpack.testkit;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The MaxCompute emulator ({@code io.chpack.testkit.maxcompute.MaxComputeEmulatorMain}) in its own JVM, for the
 * CLI. It needs the ODPS SDK, so the child gets this JVM's class path (with {@code java -jar testkit.jar} that is
 * the jar, whose manifest names {@code lib/}).
 */
final class MaxComputeEmulatorProcess extends ManagedServer {
    static final String KIND = "maxcompute-emulator";
    static final String HOST = "127.0.0.1";
    static final String MAIN = "io.chpack.testkit.maxcompute.MaxComputeEmulatorMain";
    /** The emulator's defaults (kept in sync with MaxComputeEmulator, which this class must not load). */
    static final String PROJECT = "chpack_test";
    static final String ACCESS_ID = "LTAI5tChpackTestKey01";
    static final String ACCESS_KEY = "chpackTestSecret0123456789abcdef";
    private int port;

    private MaxComputeEmulatorProcess(Options o) {
        super(o);
    }

    static final class Options extends ServerOptions<Options> {
    }

    static MaxComputeEmulatorProcess start(Options options) {
        MaxComputeEmulatorProcess p = new MaxComputeEmulatorProcess(options);
        p.startFresh();
        return p;
    }

    @Override
    protected String kind() {
        return KIND;
    }

    @Override
    protected void configure(Path scratch) {
        port = FreePorts.pick();
    }

    @Override
    protected List<String> command() {
        StringJoiner cp = new StringJoiner(File.pathSeparator);
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                cp.add(Path.of(e).toAbsolutePath().toString());
            }
        }
        return new ArrayList<>(List.of(JavaLauncher.java().toString(), "-Xmx256m", "-cp", cp.toString(), MAIN,
                "--port", Integer.toString(port), "--project", PROJECT, "--credentials", ACCESS_ID + ":" + ACCESS_KEY));
    }

    @Override
    protected boolean probe() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 1000);
            return true;
        }
    }

    int port() {
        return port;
    }

    String endpoint() {
        return "http://" + HOST + ":" + port + "/api";
    }

    String tunnelEndpoint() {
        return "http://" + HOST + ":" + port;
    }
}
