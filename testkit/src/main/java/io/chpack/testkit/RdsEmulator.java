package io.chpack.testkit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Amazon RDS Query API (version 2014-10-31) for Aurora cluster discovery, in-process on a free loopback
 * port, as the AWS SDK v2 ({@code software.amazon.awssdk:rds}) speaks it: {@code POST /} with a form-encoded
 * body, XML answers, SigV4-authenticated requests. Actions: {@code DescribeDBClusters} (one by identifier, or
 * all) and {@code DescribeDBInstances} (one by identifier, or by the {@code db-cluster-id} / {@code db-instance-id}
 * / {@code engine} filters), both with {@code MaxRecords} (20..100, as the service enforces) and {@code Marker}
 * pagination. Instance endpoints are whatever the test configures, normally real loopback servers.
 *
 * <pre>
 * try (RdsEmulator rds = RdsEmulator.builder()
 *         .cluster(RdsEmulator.cluster("aurora-test").engine("aurora-mysql").databaseName("chpack").iamEnabled(true)
 *                 .writer("aurora-test-1", "127.0.0.1", db1.port())
 *                 .reader("aurora-test-2", "127.0.0.1", db2.port()))
 *         .start()) {
 *     RdsClient client = RdsClient.builder().endpointOverride(rds.endpoint()).region(Region.of(rds.region()))
 *             .credentialsProvider(StaticCredentialsProvider.create(
 *                     AwsBasicCredentials.create(rds.accessKeyId(), rds.secretAccessKey()))).build();
 *     rds.setInstanceStatus("aurora-test-2", "rebooting");   // simulate trouble, failover(...), ...
 * }
 * </pre>
 */
public final class RdsEmulator implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    public static final String NAMESPACE = "http://rds.amazonaws.com/doc/2014-10-31/";
    public static final String API_VERSION = "2014-10-31";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCESS_KEY_ID = "AKIACHPACKTESTKEY001";
    public static final String DEFAULT_SECRET_ACCESS_KEY = "chpackTestSecretKey/0123456789abcdefghijk";
    /** The account id in ARNs. */
    public static final String ACCOUNT = "123456789012";
    /** How far a request's X-Amz-Date may be from the emulator's clock, as on AWS. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final String SERVICE = "rds";
    private static final int MIN_RECORDS = 20;
    private static final int MAX_RECORDS = 100;
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern AUTH = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^,\\s]+)\\s*,\\s*SignedHeaders=([^,\\s]+)\\s*,\\s*Signature=([0-9a-fA-F]+)");
    private static final Pattern FILTER_NAME = Pattern.compile("Filters\\.Filter\\.(\\d+)\\.Name");
    private static final String CREATE_TIME = "2024-01-15T10:00:00.000Z";

    /** One request as the emulator saw it: for tests that count calls or check parameters. */
    public record Call(String action, Map<String, String> params, int status, String errorCode) {
    }

    private final String region;
    private final Map<String, String> secrets;
    private final String accessKeyId;
    private final Map<String, ClusterSpec> clusters = new TreeMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;

    private RdsEmulator(Builder b) {
        this.region = b.region;
        this.secrets = Map.copyOf(b.secrets);
        this.accessKeyId = b.secrets.keySet().iterator().next();
        for (ClusterSpec c : b.clusters) {
            addCluster(c);
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), b.port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the RDS emulator to " + HOST, e);
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "rds-emulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        endpoint = URI.create("http://" + HOST + ":" + server.getAddress().getPort());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A cluster definition for {@link Builder#cluster} and {@link #addCluster}. */
    public static ClusterSpec cluster(String identifier) {
        return new ClusterSpec(identifier);
    }

    /** An instance definition for {@link ClusterSpec#instance} and {@link #addInstance}. */
    public static InstanceSpec instance(String identifier) {
        return new InstanceSpec(identifier);
    }

    /** {@code http://127.0.0.1:PORT}: the SDK's {@code endpointOverride}. */
    public URI endpoint() {
        return endpoint;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return endpoint.getPort();
    }

    public String region() {
        return region;
    }

    /** The first configured access key (the default one unless {@link Builder#credentials} was called). */
    public String accessKeyId() {
        return accessKeyId;
    }

    public String secretAccessKey() {
        return secrets.get(accessKeyId);
    }

    // ---- mutators for tests (failover and trouble) ----

    public synchronized void addCluster(ClusterSpec spec) {
        ClusterSpec c = spec.copy();
        if (clusters.containsKey(c.id)) {
            throw new IllegalArgumentException("cluster " + c.id + " already exists");
        }
        for (InstanceSpec i : c.instances) {
            checkNewInstance(i.id);
        }
        c.checkWriters();
        clusters.put(c.id, c);
    }

    public synchronized void removeCluster(String clusterId) {
        if (clusters.remove(clusterId) == null) {
            throw new IllegalArgumentException("no cluster " + clusterId);
        }
    }

    public synchronized void addInstance(String clusterId, InstanceSpec spec) {
        ClusterSpec c = clusterOrThrow(clusterId);
        checkNewInstance(spec.id);
        c.instances.add(spec.copy());
        c.checkWriters();
    }

    public synchronized void removeInstance(String instanceId) {
        for (ClusterSpec c : clusters.values()) {
            if (c.instances.removeIf(i -> i.id.equals(instanceId))) {
                return;
            }
        }
        throw new IllegalArgumentException("no instance " + instanceId);
    }

    /** E.g. {@code available}, {@code rebooting}, {@code stopped}, {@code failed}, {@code creating} (no endpoint). */
    public synchronized void setInstanceStatus(String instanceId, String status) {
        instanceOrThrow(instanceId).status = Objects.requireNonNull(status);
    }

    public synchronized void setInstanceEndpoint(String instanceId, String host, int port) {
        instanceOrThrow(instanceId).endpoint(host, port);
    }

    /** Makes {@code newWriterId} the cluster's only writer (the others become readers). */
    public synchronized void failover(String clusterId, String newWriterId) {
        ClusterSpec c = clusterOrThrow(clusterId);
        if (c.instances.stream().noneMatch(i -> i.id.equals(newWriterId))) {
            throw new IllegalArgumentException("no instance " + newWriterId + " in cluster " + clusterId);
        }
        for (InstanceSpec i : c.instances) {
            i.writer = i.id.equals(newWriterId);
        }
    }

    public synchronized void setClusterStatus(String clusterId, String status) {
        clusterOrThrow(clusterId).status = Objects.requireNonNull(status);
    }

    /** Every request so far, in order. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Requests for {@code action} (successful or not). */
    public int callCount(String action) {
        return (int) calls().stream().filter(c -> action.equals(c.action())).count();
    }

    public void clearCalls() {
        calls.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "RdsEmulator(" + endpoint + ", " + region + ")";
    }

    private void checkNewInstance(String id) {
        for (ClusterSpec c : clusters.values()) {
            for (InstanceSpec i : c.instances) {
                if (i.id.equals(id)) {
                    throw new IllegalArgumentException("instance " + id + " already exists (cluster " + c.id + ")");
                }
            }
        }
    }

    private ClusterSpec clusterOrThrow(String id) {
        ClusterSpec c = clusters.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no cluster " + id);
        }
        return c;
    }

    private InstanceSpec instanceOrThrow(String id) {
        for (ClusterSpec c : clusters.values()) {
            for (InstanceSpec i : c.instances) {
                if (i.id.equals(id)) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("no instance " + id);
    }

    // ---- HTTP ----

    /** An error as the service returns it. */
    private static final class Fault extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;
        final String type;

        Fault(int status, String code, String message) {
            this(status, code, status >= 500 ? "Receiver" : "Sender", message);
        }

        Fault(int status, String code, String type, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
            this.type = type;
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String requestId = UUID.randomUUID().toString();
        String action = null;
        Map<String, String> params = new LinkedHashMap<>();
        int status;
        String errorCode = null;
        String body;
        try (InputStream in = ex.getRequestBody()) {
            byte[] payload = in.readAllBytes();
            List<Map.Entry<String, String>> queryParams = parseForm(ex.getRequestURI().getRawQuery());
            for (Map.Entry<String, String> e : queryParams) {
                params.put(e.getKey(), e.getValue());
            }
            String contentType = ex.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null && contentType.toLowerCase(Locale.ROOT)
                    .startsWith("application/x-www-form-urlencoded")) {
                for (Map.Entry<String, String> e : parseForm(new String(payload, StandardCharsets.UTF_8))) {
                    params.put(e.getKey(), e.getValue());
                }
            }
            action = params.get("Action");
            try {
                if (!ex.getRequestMethod().equals("POST") && !ex.getRequestMethod().equals("GET")) {
                    throw new Fault(405, "MethodNotAllowed", "The method " + ex.getRequestMethod()
                            + " is not allowed");
                }
                authenticate(ex, queryParams, payload);
                if (action == null) {
                    throw new Fault(400, "MissingAction", "Missing Action");
                }
                String version = params.get("Version");
                if (version != null && !version.equals(API_VERSION)) {
                    throw new Fault(400, "InvalidAction", "Could not find operation " + action + " for version "
                            + version);
                }
                switch (action) {
                    case "DescribeDBClusters":
                        body = describeClusters(params, requestId);
                        break;
                    case "DescribeDBInstances":
                        body = describeInstances(params, requestId);
                        break;
                    default:
                        throw new Fault(400, "InvalidAction", "The action " + action
                                + " is not valid for this web service.");
                }
                status = 200;
            } catch (Fault f) {
                status = f.status;
                errorCode = f.code;
                body = "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>" + f.type + "</Type><Code>"
                        + esc(f.code) + "</Code><Message>" + esc(f.getMessage()) + "</Message></Error><RequestId>"
                        + requestId + "</RequestId></ErrorResponse>";
            }
        } catch (RuntimeException e) {
            status = 500;
            errorCode = "InternalFailure";
            body = "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>Receiver</Type><Code>InternalFailure"
                    + "</Code><Message>" + esc(String.valueOf(e)) + "</Message></Error><RequestId>" + requestId
                    + "</RequestId></ErrorResponse>";
        }
        calls.add(new Call(action, Collections.unmodifiableMap(new LinkedHashMap<>(params)), status, errorCode));
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", "text/xml");
        h.set("x-amzn-RequestId", requestId);
        h.set("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atZone(ZoneOffset.UTC)));
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    private static List<Map.Entry<String, String>> parseForm(String raw) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(new AbstractMap.SimpleImmutableEntry<>(URLDecoder.decode(k, StandardCharsets.UTF_8),
                    URLDecoder.decode(v, StandardCharsets.UTF_8)));
        }
        return out;
    }

    /**
     * SigV4 header authentication as the service does it: the credential scope must be
     * {@code <date>/<this region>/rds/aws4_request} with a known access key; the signature is recomputed from
     * the canonical request (method, path, sorted query, the signed headers, SHA-256 of the body) and compared.
     */
    private void authenticate(HttpExchange ex, List<Map.Entry<String, String>> queryParams, byte[] payload)
            throws Fault {
        Headers headers = ex.getRequestHeaders();
        String auth = headers.getFirst("Authorization");
        if (auth == null) {
            throw new Fault(403, "MissingAuthenticationToken", "Request is missing Authentication Token");
        }
        Matcher m = AUTH.matcher(auth.trim());
        if (!m.matches()) {
            throw new Fault(400, "IncompleteSignature", "Authorization header requires 'Credential', "
                    + "'Signature' and 'SignedHeaders' parameters (AWS4-HMAC-SHA256). Authorization=" + auth);
        }
        String[] scope = m.group(1).split("/");
        if (scope.length != 5) {
            throw new Fault(400, "IncompleteSignature", "Credential must have exactly 5 slash-delimited elements, "
                    + "e.g. keyid/date/region/service/term, got '" + m.group(1) + "'");
        }
        String key = scope[0];
        String secret = secrets.get(key);
        if (secret == null) {
            throw new Fault(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }
        if (!scope[2].equals(region)) {
            throw new Fault(403, "SignatureDoesNotMatch", "Credential should be scoped to a valid region, not '"
                    + scope[2] + "'. (this endpoint serves " + region + ")");
        }
        if (!scope[3].equals(SERVICE)) {
            throw new Fault(403, "SignatureDoesNotMatch", "Credential should be scoped to correct service: '"
                    + SERVICE + "'.");
        }
        if (!scope[4].equals("aws4_request")) {
            throw new Fault(403, "SignatureDoesNotMatch", "Credential should be scoped with a valid terminator: "
                    + "'aws4_request', not '" + scope[4] + "'.");
        }
        List<String> signed = List.of(m.group(2).toLowerCase(Locale.ROOT).split(";"));
        if (!signed.contains("host")) {
            throw new Fault(403, "SignatureDoesNotMatch", "'Host' or ':authority' must be a 'SignedHeader' in the "
                    + "AWS Authorization.");
        }
        String amzDate = headers.getFirst("X-Amz-Date");
        if (amzDate == null) {
            throw new Fault(400, "IncompleteSignature", "Authorization header requires existence of either a "
                    + "'X-Amz-Date' or a 'Date' header.");
        }
        Instant when;
        try {
            when = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw new Fault(400, "IncompleteSignature", "Date must be in ISO-8601 'basic format'. Got '" + amzDate
                    + "'.");
        }
        if (!scope[1].equals(amzDate.substring(0, 8))) {
            throw new Fault(403, "SignatureDoesNotMatch", "Date in Credential scope does not match YYYYMMDD from "
                    + "ISO-8601 version of date from HTTP: '" + scope[1] + "' != '" + amzDate.substring(0, 8) + "'");
        }
        Instant now = Instant.now();
        if (Duration.between(when, now).abs().compareTo(MAX_SKEW) > 0) {
            throw new Fault(403, "SignatureDoesNotMatch", "Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signed) {
            List<String> values = headers.get(name);
            if (values == null) {
                throw new Fault(403, "SignatureDoesNotMatch", "Signed header '" + name + "' is not in the request");
            }
            canonicalHeaders.append(name).append(':').append(SigV4.canonicalHeaderValue(values)).append('\n');
        }
        String rawPath = ex.getRequestURI().getRawPath();
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        String canonicalRequest = ex.getRequestMethod() + "\n" + SigV4.uriEncode(path, false) + "\n"
                + SigV4.canonicalQuery(queryParams) + "\n" + canonicalHeaders + "\n" + String.join(";", signed)
                + "\n" + SigV4.sha256Hex(payload);
        String expected = SigV4.signature(secret, amzDate, scope[2], scope[3], canonicalRequest);
        if (!expected.equalsIgnoreCase(m.group(3))) {
            throw new Fault(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the "
                    + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the "
                    + "service documentation for details.");
        }
    }

    // ---- actions ----

    private synchronized String describeClusters(Map<String, String> params, String requestId) throws Fault {
        Map<String, List<String>> filters = filters(params);
        for (String name : filters.keySet()) {
            if (!List.of("db-cluster-id", "engine", "clone-group-id", "db-cluster-resource-id", "domain")
                    .contains(name)) {
                throw new Fault(400, "InvalidParameterValue", "Unrecognized filter name: " + name);
            }
        }
        List<ClusterSpec> selected = new ArrayList<>();
        String id = params.get("DBClusterIdentifier");
        if (id != null) {
            ClusterSpec c = clusters.get(stripArn(id));
            if (c == null) {
                throw new Fault(404, "DBClusterNotFoundFault", "DBCluster " + id + " not found.");
            }
            selected.add(c);
        } else {
            selected.addAll(clusters.values());
        }
        selected.removeIf(c -> !matches(filters.get("db-cluster-id"), c.id, c.arn(region))
                || !matches(filters.get("engine"), c.engine));
        Page page = page(params, selected.size());
        StringBuilder sb = new StringBuilder();
        sb.append("<DescribeDBClustersResponse xmlns=\"").append(NAMESPACE).append("\"><DescribeDBClustersResult>");
        if (page.nextMarker != null) {
            el(sb, "Marker", page.nextMarker);
        }
        sb.append("<DBClusters>");
        for (ClusterSpec c : selected.subList(page.from, page.to)) {
            clusterXml(sb, c);
        }
        sb.append("</DBClusters></DescribeDBClustersResult>");
        metadata(sb, requestId);
        return sb.append("</DescribeDBClustersResponse>").toString();
    }

    private synchronized String describeInstances(Map<String, String> params, String requestId) throws Fault {
        Map<String, List<String>> filters = filters(params);
        for (String name : filters.keySet()) {
            if (!List.of("db-cluster-id", "db-instance-id", "engine", "dbi-resource-id", "domain")
                    .contains(name)) {
                throw new Fault(400, "InvalidParameterValue", "Unrecognized filter name: " + name);
            }
        }
        List<ClusterSpec> owners = new ArrayList<>();
        List<InstanceSpec> selected = new ArrayList<>();
        for (ClusterSpec c : clusters.values()) {
            for (InstanceSpec i : c.instances) {
                owners.add(c);
                selected.add(i);
            }
        }
        // The service lists instances ordered by identifier.
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < selected.size(); k++) {
            order.add(k);
        }
        order.sort((a, b) -> selected.get(a).id.compareTo(selected.get(b).id));
        List<ClusterSpec> os = new ArrayList<>();
        List<InstanceSpec> is = new ArrayList<>();
        String id = params.get("DBInstanceIdentifier");
        for (int k : order) {
            ClusterSpec c = owners.get(k);
            InstanceSpec i = selected.get(k);
            if (id != null && !i.id.equals(stripArn(id))) {
                continue;
            }
            if (!matches(filters.get("db-cluster-id"), c.id, c.arn(region))
                    || !matches(filters.get("db-instance-id"), i.id, i.arn(region))
                    || !matches(filters.get("engine"), c.engine)) {
                continue;
            }
            os.add(c);
            is.add(i);
        }
        if (id != null && is.isEmpty()) {
            throw new Fault(404, "DBInstanceNotFound", "DBInstance " + id + " not found.");
        }
        Page page = page(params, is.size());
        StringBuilder sb = new StringBuilder();
        sb.append("<DescribeDBInstancesResponse xmlns=\"").append(NAMESPACE).append("\"><DescribeDBInstancesResult>");
        if (page.nextMarker != null) {
            el(sb, "Marker", page.nextMarker);
        }
        sb.append("<DBInstances>");
        for (int k = page.from; k < page.to; k++) {
            instanceXml(sb, os.get(k), is.get(k));
        }
        sb.append("</DBInstances></DescribeDBInstancesResult>");
        metadata(sb, requestId);
        return sb.append("</DescribeDBInstancesResponse>").toString();
    }

    private record Page(int from, int to, String nextMarker) {
    }

    private static Page page(Map<String, String> params, int total) throws Fault {
        int max = MAX_RECORDS;
        String mr = params.get("MaxRecords");
        if (mr != null) {
            try {
                max = Integer.parseInt(mr);
            } catch (NumberFormatException e) {
                throw new Fault(400, "InvalidParameterValue", "Invalid value '" + mr + "' for MaxRecords");
            }
            if (max < MIN_RECORDS || max > MAX_RECORDS) {
                throw new Fault(400, "InvalidParameterValue", "Invalid value " + max + " for MaxRecords. Must be "
                        + "between " + MIN_RECORDS + " and " + MAX_RECORDS);
            }
        }
        int from = 0;
        String marker = params.get("Marker");
        if (marker != null && !marker.isEmpty()) {
            if (!marker.startsWith("chpack-marker-")) {
                throw new Fault(400, "InvalidParameterValue", "Invalid marker: " + marker);
            }
            try {
                from = Math.min(Integer.parseInt(marker.substring("chpack-marker-".length())), total);
            } catch (NumberFormatException e) {
                throw new Fault(400, "InvalidParameterValue", "Invalid marker: " + marker);
            }
        }
        int to = Math.min(total, from + max);
        return new Page(from, to, to < total ? "chpack-marker-" + to : null);
    }

    private static Map<String, List<String>> filters(Map<String, String> params) throws Fault {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            Matcher m = FILTER_NAME.matcher(e.getKey());
            if (!m.matches()) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (int v = 1; params.containsKey("Filters.Filter." + m.group(1) + ".Values.Value." + v); v++) {
                values.add(params.get("Filters.Filter." + m.group(1) + ".Values.Value." + v));
            }
            if (values.isEmpty()) {
                throw new Fault(400, "InvalidParameterCombination", "Filter " + e.getValue() + " has no values");
            }
            out.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).addAll(values);
        }
        return out;
    }

    private static boolean matches(List<String> wanted, String... candidates) {
        if (wanted == null) {
            return true;
        }
        for (String c : candidates) {
            if (wanted.contains(c)) {
                return true;
            }
        }
        return false;
    }

    private static String stripArn(String id) {
        if (id.startsWith("arn:")) {
            return id.substring(id.lastIndexOf(':') + 1);
        }
        return id;
    }

    private void clusterXml(StringBuilder sb, ClusterSpec c) {
        InstanceSpec writer = c.writer();
        sb.append("<DBCluster>");
        el(sb, "AllocatedStorage", "1");
        sb.append("<AvailabilityZones><AvailabilityZone>").append(region).append("a</AvailabilityZone>")
                .append("<AvailabilityZone>").append(region).append("b</AvailabilityZone></AvailabilityZones>");
        el(sb, "BackupRetentionPeriod", "1");
        if (c.databaseName != null) {
            el(sb, "DatabaseName", c.databaseName);
        }
        el(sb, "DBClusterIdentifier", c.id);
        el(sb, "DBClusterParameterGroup", "default." + c.engine + (c.isMysql() ? "8.0" : "15"));
        el(sb, "DBSubnetGroup", "default");
        el(sb, "Status", c.status);
        el(sb, "ClusterCreateTime", CREATE_TIME);
        el(sb, "Endpoint", c.endpoint != null ? c.endpoint
                : writer != null && writer.host != null ? writer.host : c.id + ".cluster-chpack." + region
                        + ".rds.amazonaws.com");
        el(sb, "ReaderEndpoint", c.readerEndpoint());
        el(sb, "MultiAZ", Boolean.toString(c.instances.size() > 1));
        el(sb, "Engine", c.engine);
        el(sb, "EngineVersion", c.engineVersion());
        el(sb, "Port", Integer.toString(c.port()));
        el(sb, "MasterUsername", c.masterUsername);
        el(sb, "PreferredBackupWindow", "07:00-07:30");
        el(sb, "PreferredMaintenanceWindow", "sun:08:00-sun:08:30");
        sb.append("<ReadReplicaIdentifiers/>");
        sb.append("<DBClusterMembers>");
        for (InstanceSpec i : c.instances) {
            sb.append("<DBClusterMember>");
            el(sb, "DBInstanceIdentifier", i.id);
            el(sb, "IsClusterWriter", Boolean.toString(i.writer));
            el(sb, "DBClusterParameterGroupStatus", "in-sync");
            el(sb, "PromotionTier", Integer.toString(i.promotionTier));
            sb.append("</DBClusterMember>");
        }
        sb.append("</DBClusterMembers>");
        sb.append("<VpcSecurityGroups/>");
        el(sb, "HostedZoneId", "Z2R2ITUGPM61AM");
        el(sb, "StorageEncrypted", "true");
        el(sb, "DbClusterResourceId", "cluster-" + resourceId(c.id));
        el(sb, "DBClusterArn", c.arn(region));
        sb.append("<AssociatedRoles/>");
        el(sb, "IAMDatabaseAuthenticationEnabled", Boolean.toString(c.iamEnabled));
        el(sb, "EngineMode", "provisioned");
        el(sb, "DeletionProtection", "false");
        el(sb, "HttpEndpointEnabled", "false");
        el(sb, "CopyTagsToSnapshot", "false");
        el(sb, "CrossAccountClone", "false");
        sb.append("<DomainMemberships/><TagList/>");
        el(sb, "AutoMinorVersionUpgrade", "true");
        el(sb, "NetworkType", "IPV4");
        el(sb, "StorageType", "aurora");
        sb.append("</DBCluster>");
    }

    private void instanceXml(StringBuilder sb, ClusterSpec c, InstanceSpec i) {
        sb.append("<DBInstance>");
        el(sb, "DBInstanceIdentifier", i.id);
        el(sb, "DBInstanceClass", i.instanceClass);
        el(sb, "Engine", c.engine);
        el(sb, "DBInstanceStatus", i.status);
        el(sb, "MasterUsername", c.masterUsername);
        if (c.databaseName != null) {
            el(sb, "DBName", c.databaseName);
        }
        if (i.host != null && !i.status.equals("creating")) {
            sb.append("<Endpoint>");
            el(sb, "Address", i.host);
            el(sb, "Port", Integer.toString(i.port));
            el(sb, "HostedZoneId", "Z2R2ITUGPM61AM");
            sb.append("</Endpoint>");
        }
        el(sb, "AllocatedStorage", "1");
        el(sb, "InstanceCreateTime", CREATE_TIME);
        el(sb, "PreferredBackupWindow", "07:00-07:30");
        el(sb, "BackupRetentionPeriod", "1");
        sb.append("<DBSecurityGroups/><VpcSecurityGroups/>");
        el(sb, "AvailabilityZone", i.availabilityZone != null ? i.availabilityZone : region + "a");
        el(sb, "PreferredMaintenanceWindow", "sun:08:00-sun:08:30");
        sb.append("<PendingModifiedValues/>");
        el(sb, "MultiAZ", "false");
        el(sb, "EngineVersion", c.engineVersion());
        el(sb, "AutoMinorVersionUpgrade", "true");
        sb.append("<ReadReplicaDBInstanceIdentifiers/>");
        el(sb, "LicenseModel", c.isMysql() ? "general-public-license" : "postgresql-license");
        sb.append("<OptionGroupMemberships/>");
        el(sb, "PubliclyAccessible", "false");
        el(sb, "StorageType", "aurora");
        el(sb, "DbInstancePort", "0");
        el(sb, "DBClusterIdentifier", c.id);
        el(sb, "StorageEncrypted", "true");
        el(sb, "DbiResourceId", "db-" + resourceId(i.id));
        el(sb, "CACertificateIdentifier", "rds-ca-rsa2048-g1");
        sb.append("<DomainMemberships/>");
        el(sb, "CopyTagsToSnapshot", "false");
        el(sb, "MonitoringInterval", "0");
        el(sb, "PromotionTier", Integer.toString(i.promotionTier));
        el(sb, "DBInstanceArn", i.arn(region));
        el(sb, "IAMDatabaseAuthenticationEnabled", Boolean.toString(c.iamEnabled));
        el(sb, "PerformanceInsightsEnabled", "false");
        el(sb, "DeletionProtection", "false");
        sb.append("<AssociatedRoles/><TagList/>");
        el(sb, "CustomerOwnedIpEnabled", "false");
        el(sb, "BackupTarget", "region");
        el(sb, "NetworkType", "IPV4");
        sb.append("</DBInstance>");
    }

    private static String resourceId(String id) {
        return UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "")
                .substring(0, 26).toUpperCase(Locale.ROOT);
    }

    private static void metadata(StringBuilder sb, String requestId) {
        sb.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata>");
    }

    private static void el(StringBuilder sb, String name, String value) {
        sb.append('<').append(name).append('>').append(esc(value)).append("</").append(name).append('>');
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---- definitions ----

    public static final class Builder {
        private String region = DEFAULT_REGION;
        private int port;
        private final Map<String, String> secrets = new LinkedHashMap<>();
        private final List<ClusterSpec> clusters = new ArrayList<>();

        private Builder() {
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        /** A fixed port (default 0: a free one chosen by the kernel, no race). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * An access key the emulator accepts. The first one given is {@link #accessKeyId()}; without any, the
         * emulator accepts {@link #DEFAULT_ACCESS_KEY_ID} / {@link #DEFAULT_SECRET_ACCESS_KEY}.
         */
        public Builder credentials(String accessKeyId, String secretAccessKey) {
            secrets.put(Objects.requireNonNull(accessKeyId), Objects.requireNonNull(secretAccessKey));
            return this;
        }

        public Builder cluster(ClusterSpec cluster) {
            clusters.add(cluster.copy());
            return this;
        }

        public RdsEmulator start() {
            if (secrets.isEmpty()) {
                secrets.put(DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY);
            }
            return new RdsEmulator(this);
        }
    }

    /** An Aurora cluster: identifier, engine, port, database, IAM flag and its instances. */
    public static final class ClusterSpec {
        private final String id;
        private String engine = "aurora-mysql";
        private String engineVersion;
        private Integer port;
        private String databaseName;
        private String masterUsername = "admin";
        private boolean iamEnabled;
        private String status = "available";
        private String endpoint;
        private String readerEndpoint;
        private final List<InstanceSpec> instances = new ArrayList<>();

        private ClusterSpec(String id) {
            this.id = Objects.requireNonNull(id);
        }

        private ClusterSpec copy() {
            ClusterSpec c = new ClusterSpec(id);
            c.engine = engine;
            c.engineVersion = engineVersion;
            c.port = port;
            c.databaseName = databaseName;
            c.masterUsername = masterUsername;
            c.iamEnabled = iamEnabled;
            c.status = status;
            c.endpoint = endpoint;
            c.readerEndpoint = readerEndpoint;
            for (InstanceSpec i : instances) {
                c.instances.add(i.copy());
            }
            return c;
        }

        /** {@code aurora-mysql} (default) or {@code aurora-postgresql}. */
        public ClusterSpec engine(String engine) {
            if (!engine.equals("aurora-mysql") && !engine.equals("aurora-postgresql")) {
                throw new IllegalArgumentException("engine must be aurora-mysql or aurora-postgresql: " + engine);
            }
            this.engine = engine;
            return this;
        }

        /** Default {@code 8.0.mysql_aurora.3.05.2} / {@code 15.4}. */
        public ClusterSpec engineVersion(String version) {
            this.engineVersion = Objects.requireNonNull(version);
            return this;
        }

        /** The cluster's {@code Port}; default: the writer instance's port (else 3306 / 5432). */
        public ClusterSpec port(int port) {
            this.port = port;
            return this;
        }

        public ClusterSpec databaseName(String name) {
            this.databaseName = Objects.requireNonNull(name);
            return this;
        }

        public ClusterSpec masterUsername(String name) {
            this.masterUsername = Objects.requireNonNull(name);
            return this;
        }

        /** {@code IAMDatabaseAuthenticationEnabled} of the cluster and its instances. */
        public ClusterSpec iamEnabled(boolean enabled) {
            this.iamEnabled = enabled;
            return this;
        }

        public ClusterSpec status(String status) {
            this.status = Objects.requireNonNull(status);
            return this;
        }

        /** The cluster (writer) endpoint host; default: the writer instance's host. */
        public ClusterSpec endpoint(String host) {
            this.endpoint = Objects.requireNonNull(host);
            return this;
        }

        /** The reader endpoint host; default: the first reader's host (else the writer's). */
        public ClusterSpec readerEndpoint(String host) {
            this.readerEndpoint = Objects.requireNonNull(host);
            return this;
        }

        public ClusterSpec writer(String instanceId, String host, int port) {
            return instance(RdsEmulator.instance(instanceId).writer(true).endpoint(host, port));
        }

        public ClusterSpec reader(String instanceId, String host, int port) {
            return instance(RdsEmulator.instance(instanceId).endpoint(host, port));
        }

        public ClusterSpec instance(InstanceSpec instance) {
            for (InstanceSpec i : instances) {
                if (i.id.equals(instance.id)) {
                    throw new IllegalArgumentException("instance " + instance.id + " defined twice");
                }
            }
            instances.add(instance.copy());
            return this;
        }

        public String identifier() {
            return id;
        }

        private void checkWriters() {
            if (instances.stream().filter(i -> i.writer).count() > 1) {
                throw new IllegalArgumentException("cluster " + id + " has more than one writer");
            }
        }

        private boolean isMysql() {
            return engine.equals("aurora-mysql");
        }

        private String engineVersion() {
            return engineVersion != null ? engineVersion : isMysql() ? "8.0.mysql_aurora.3.05.2" : "15.4";
        }

        private InstanceSpec writer() {
            return instances.stream().filter(i -> i.writer).findFirst().orElse(null);
        }

        private int port() {
            if (port != null) {
                return port;
            }
            InstanceSpec w = writer();
            if (w != null && w.host != null) {
                return w.port;
            }
            return isMysql() ? 3306 : 5432;
        }

        private String readerEndpoint() {
            if (readerEndpoint != null) {
                return readerEndpoint;
            }
            for (InstanceSpec i : instances) {
                if (!i.writer && i.host != null) {
                    return i.host;
                }
            }
            InstanceSpec w = writer();
            return w != null && w.host != null ? w.host : id + ".cluster-ro-chpack.rds.amazonaws.com";
        }

        private String arn(String region) {
            return "arn:aws:rds:" + region + ":" + ACCOUNT + ":cluster:" + id;
        }
    }

    /** A DB instance of a cluster: writer flag, status and the endpoint clients connect to. */
    public static final class InstanceSpec {
        private final String id;
        private boolean writer;
        private String status = "available";
        private String host;
        private int port;
        private String instanceClass = "db.r6g.large";
        private String availabilityZone;
        private int promotionTier = 1;

        private InstanceSpec(String id) {
            this.id = Objects.requireNonNull(id);
        }

        private InstanceSpec copy() {
            InstanceSpec i = new InstanceSpec(id);
            i.writer = writer;
            i.status = status;
            i.host = host;
            i.port = port;
            i.instanceClass = instanceClass;
            i.availabilityZone = availabilityZone;
            i.promotionTier = promotionTier;
            return i;
        }

        /** {@code IsClusterWriter} in the cluster's member list (default false: a reader). */
        public InstanceSpec writer(boolean writer) {
            this.writer = writer;
            return this;
        }

        /** {@code DBInstanceStatus}: {@code available} (default), {@code stopped}, {@code rebooting}, ... */
        public InstanceSpec status(String status) {
            this.status = Objects.requireNonNull(status);
            return this;
        }

        /** {@code Endpoint.Address} / {@code Endpoint.Port}: normally a real loopback server. */
        public InstanceSpec endpoint(String host, int port) {
            this.host = Objects.requireNonNull(host);
            this.port = port;
            return this;
        }

        public InstanceSpec instanceClass(String instanceClass) {
            this.instanceClass = Objects.requireNonNull(instanceClass);
            return this;
        }

        public InstanceSpec availabilityZone(String zone) {
            this.availabilityZone = Objects.requireNonNull(zone);
            return this;
        }

        public InstanceSpec promotionTier(int tier) {
            this.promotionTier = tier;
            return this;
        }

        public String identifier() {
            return id;
        }

        private String arn(String region) {
            return "arn:aws:rds:" + region + ":" + ACCOUNT + ":db:" + id;
        }
    }
}
