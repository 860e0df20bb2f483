package io.chpack.clickhousewriter.cluster;

import io.chpack.clickhousewriter.client.ClickHouseUrl;

/** host:port text ⇄ {@link ClickHouseUrl.HostPort}, the writer's endpoint type. */
final class HostPorts {
    private HostPorts() {
    }

    static boolean isHostPort(String s) {
        int colon = s.lastIndexOf(':');
        return colon > 0 && colon < s.length() - 1 && s.substring(colon + 1).matches("\\d{1,5}");
    }

    /** The endpoint for host and port (through the URL parser, which owns HostPort's construction). */
    static ClickHouseUrl.HostPort of(String host, int port) {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return ClickHouseUrl.parse("http://" + h + ":" + port + "/default").hosts().get(0);
    }

    static ClickHouseUrl.HostPort parse(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return of(host, Integer.parseInt(hostPort.substring(colon + 1)));
    }

    static String text(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
