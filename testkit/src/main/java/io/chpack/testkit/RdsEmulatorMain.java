package io.chpack.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an {@link RdsEmulator} in its own JVM until SIGTERM: what the CLI's {@code rds} starts, so the emulator
 * outlives the CLI like the other servers.
 *
 * <pre>
 * RdsEmulatorMain --port P [--region R] [--credentials AK:SECRET]
 *     --cluster ID:ENGINE[:DATABASE[:iam]] --writer ID=HOST:PORT --reader ID=HOST:PORT ...
 * </pre>
 * {@code --writer}/{@code --reader} add instances to the cluster named before them.
 */
public final class RdsEmulatorMain {
    private RdsEmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        RdsEmulator rds = parse(args).start();
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            rds.close();
            done.countDown();
        }));
        System.out.println("RDS emulator listening on " + rds.endpoint() + " (" + rds.region() + ")");
        System.out.flush();
        done.await();
    }

    static RdsEmulator.Builder parse(String[] args) {
        RdsEmulator.Builder b = RdsEmulator.builder();
        List<RdsEmulator.ClusterSpec> clusters = new ArrayList<>();
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
                case "--region":
                    b.region(v);
                    break;
                case "--credentials": {
                    int colon = v.indexOf(':');
                    b.credentials(v.substring(0, colon), v.substring(colon + 1));
                    break;
                }
                case "--cluster": {
                    String[] p = v.split(":");
                    RdsEmulator.ClusterSpec c = RdsEmulator.cluster(p[0]).engine(p[1]);
                    if (p.length > 2 && !p[2].isEmpty()) {
                        c.databaseName(p[2]);
                    }
                    c.iamEnabled(p.length > 3 && p[3].equals("iam"));
                    clusters.add(c);
                    break;
                }
                case "--writer":
                case "--reader": {
                    if (clusters.isEmpty()) {
                        throw new IllegalArgumentException(opt + " before any --cluster");
                    }
                    int eq = v.indexOf('=');
                    int colon = v.lastIndexOf(':');
                    RdsEmulator.InstanceSpec inst = RdsEmulator.instance(v.substring(0, eq))
                            .writer(opt.equals("--writer"))
                            .endpoint(v.substring(eq + 1, colon), Integer.parseInt(v.substring(colon + 1)));
                    clusters.get(clusters.size() - 1).instance(inst);
                    break;
                }
                default:
                    throw new IllegalArgumentException("unknown option " + opt);
            }
        }
        clusters.forEach(b::cluster);
        return b;
    }
}
