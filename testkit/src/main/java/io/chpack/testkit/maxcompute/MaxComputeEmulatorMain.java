package io.chpack.testkit.maxcompute;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link MaxComputeEmulator} in its own JVM until SIGTERM: what the CLI's {@code maxcompute} starts, so
 * the emulator outlives the CLI like the other servers.
 *
 * <pre>
 * MaxComputeEmulatorMain --port P [--project NAME]... [--credentials ID:SECRET]
 * </pre>
 */
public final class MaxComputeEmulatorMain {
    private MaxComputeEmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        MaxComputeEmulator mc = parse(args).start();
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mc.close();
            done.countDown();
        }));
        System.out.println("MaxCompute emulator listening on " + mc.endpoint() + " (tunnel " + mc.tunnelEndpoint()
                + "), project " + mc.defaultProject());
        System.out.flush();
        done.await();
    }

    static MaxComputeEmulator.Builder parse(String[] args) {
        MaxComputeEmulator.Builder b = MaxComputeEmulator.builder();
        for (int i = 0; i < args.length; i++) {
            String opt = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + opt + " needs a value");
            }
            String v = args[++i];
            switch (opt) {
                case "--port":
                    b.port(Integer.parseInt(v));
                    break;
                case "--project":
                    b.project(v);
                    break;
                case "--credentials": {
                    int colon = v.indexOf(':');
                    if (colon <= 0) {
                        throw new IllegalArgumentException("--credentials needs ID:SECRET");
                    }
                    b.credentials(v.substring(0, colon), v.substring(colon + 1));
                    break;
                }
                default:
                    throw new IllegalArgumentException("unknown option " + opt);
            }
        }
        return b;
    }
}
