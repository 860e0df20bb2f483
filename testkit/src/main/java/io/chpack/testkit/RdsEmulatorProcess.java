package io.chpack.testkit;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link RdsEmulator} in its own JVM ({@link RdsEmulatorMain}), for the CLI: the emulator needs only the JDK and
 * the testkit classes, so the classpath is this jar (or {@code target/classes}) alone.
 */
final class RdsEmulatorProcess extends ManagedServer {
    static final String KIND = "rds-emulator";
    private final List<String> topology;
    private int port;

    private RdsEmulatorProcess(Options o, List<String> topology) {
        super(o);
        this.topology = List.copyOf(topology);
    }

    static final class Options extends ServerOptions<Options> {
    }

    /** {@code topology}: {@link RdsEmulatorMain} options other than {@code --port}. */
    static RdsEmulatorProcess start(Options options, List<String> topology) {
        RdsEmulatorProcess p = new RdsEmulatorProcess(options, topology);
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
        Path classes;
        try {
            classes = Path.of(RdsEmulatorProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> cmd = new ArrayList<>(List.of(JavaLauncher.java().toString(), "-Xmx64m", "-cp",
                classes.toString(), RdsEmulatorMain.class.getName(), "--port", Integer.toString(port)));
        cmd.addAll(topology);
        return cmd;
    }

    @Override
    protected boolean probe() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(RdsEmulator.HOST, port), 1000);
            return true;
        }
    }

    int port() {
        return port;
    }

    String endpoint() {
        return "http://" + RdsEmulator.HOST + ":" + port;
    }
}
