package io.chpack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemcachedServersTest {
    /** set + get over one connection with the raw text protocol. */
    private static String setGet(MemcachedServer m, String key, String value) throws Exception {
        try (Socket s = new Socket(m.host(), m.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            byte[] v = value.getBytes(StandardCharsets.UTF_8);
            out.write(("set " + key + " 0 0 " + v.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(v);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals("STORED", in.readLine());
            out.write(("get " + key + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals("VALUE " + key + " 0 " + v.length, in.readLine());
            String got = in.readLine();
            assertEquals("END", in.readLine());
            return got;
        }
    }

    @Test
    void threeIndependentServers() throws Exception {
        MemcachedServers pool = MemcachedServers.start(3);
        List<MemcachedServer> servers = pool.servers();
        long[] pids = servers.stream().mapToLong(MemcachedServer::pid).toArray();
        try {
            assertEquals(3, servers.size());
            Set<Integer> ports = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                MemcachedServer m = servers.get(i);
                ports.add(m.port());
                assertEquals("value-" + i, setGet(m, "k" + i, "value-" + i));
            }
            assertEquals(3, ports.size());
            // Separate servers: a key stored on the first is not on the second.
            assertEquals("END", servers.get(1).command("get k0"));
            assertEquals(servers.get(0).address() + "," + servers.get(1).address() + "," + servers.get(2).address(),
                    pool.addresses());
        } finally {
            pool.close();
        }
        for (int i = 0; i < 3; i++) {
            Stopped.assertGone(pids[i], servers.get(i).scratchDir(), servers.get(i).port());
        }
    }
}
