package io.chpack.testkit.maxcompute;

import com.aliyun.odps.Column;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.commons.proto.ProtobufRecordStreamReader;
import com.aliyun.odps.commons.proto.ProtobufRecordStreamWriter;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Binary;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.tunnel.io.CompressOption;
import com.aliyun.odps.type.AbstractCharTypeInfo;
import com.aliyun.odps.type.DecimalTypeInfo;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.chpack.testkit.maxcompute.Catalog.PartitionState;
import io.chpack.testkit.maxcompute.Catalog.ProjectState;
import io.chpack.testkit.maxcompute.Catalog.TableState;
import io.chpack.testkit.maxcompute.MiniHttpServer.Request;
import io.chpack.testkit.maxcompute.MiniHttpServer.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * MaxCompute (ODPS) in-process on a free loopback port, as the official {@code com.aliyun.odps:odps-sdk-core}
 * (0.57.1-public) speaks it: the REST metadata API under {@code /api} (XML: project, table, partitions, SQL
 * instances for DDL) and the batch Table Tunnel without {@code /api} (JSON sessions, protobuf record streams
 * decoded and encoded with the SDK's own {@link ProtobufRecordStreamReader}/{@link ProtobufRecordStreamWriter},
 * every {@link CompressOption} the SDK offers). Requests are authenticated like the service (the signature is
 * recomputed from the access key secret; an unknown id or wrong secret gets 403). State is in memory.
 *
 * <pre>
 * try (MaxComputeEmulator mc = MaxComputeEmulator.builder().start()) {
 *     Odps odps = new Odps(new AliyunAccount(mc.accessId(), mc.accessKey()));
 *     odps.setEndpoint(mc.endpoint());                 // http://127.0.0.1:P/api
 *     odps.setDefaultProject(mc.defaultProject());
 *     TableTunnel tunnel = new TableTunnel(odps);
 *     tunnel.setEndpoint(mc.tunnelEndpoint());         // http://127.0.0.1:P
 *     mc.execute("CREATE TABLE t (id BIGINT, s STRING) PARTITIONED BY (pt STRING)");
 *     mc.faults().failBlock(3, 1);                      // the first PUT of block 3 answers 500
 *     mc.rows("t", "pt=20260101");                      // committed rows, for assertions
 * }
 * </pre>
 * What is not emulated: streaming and upsert tunnels, instance tunnel, SQL other than the DDL subset of
 * {@link SqlScript}, schemas (three-tier names), session expiry. Stricter than the service where the service's
 * rule is unknown: decimals that overflow the column's precision and VARCHAR/CHAR values over their length are
 * rejected (decimals with more scale are rounded half-up, as SQL inserts do).
 */
public final class MaxComputeEmulator implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    public static final String DEFAULT_PROJECT = "chpack_test";
    public static final String DEFAULT_ACCESS_ID = "LTAI5tChpackTestKey01";
    public static final String DEFAULT_ACCESS_KEY = "chpackTestSecret0123456789abcdef";
    public static final long DEFAULT_MAX_FIELD_SIZE = 8L * 1024 * 1024;
    /** Block ids a session accepts: [0, MAX_BLOCKS). */
    public static final int MAX_BLOCKS = 20000;
    private static final String OWNER = "ALIYUN$chpack-test@aliyun.com";
    private static final DateTimeFormatter RFC1123 = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** One request as the emulator saw it: {@code api} is {@code rest} or {@code tunnel}. */
    public record Call(String api, String method, String resource, Map<String, String> params, int status,
            String errorCode) {
    }

    /** One SQL instance: the query, its hints ({@code settings}), and the outcome. */
    public record SqlRun(String project, String query, Map<String, String> hints, boolean success, String result) {
    }

    /** An upload session's state, for assertions (e.g. that a failed job committed nothing). */
    public record UploadSessionInfo(String id, String project, String table, String partition, boolean overwrite,
            String status, List<Long> blockIds) {
    }

    private final Object lock = new Object();
    private final Catalog catalog;
    private final String defaultProject;
    private final Map<String, String> secrets;
    private final String accessId;
    private final Map<String, String> stsTokens;
    private final long maxFieldSize;
    private final MaxComputeFaults faults = new MaxComputeFaults();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<SqlRun> sqlRuns = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, UploadSession> uploads = new LinkedHashMap<>();
    private final Map<String, DownloadSession> downloads = new LinkedHashMap<>();
    private final Map<String, InstanceState> instances = new LinkedHashMap<>();
    private final AtomicLong seq = new AtomicLong();
    private final MiniHttpServer server;

    private MaxComputeEmulator(Builder b) {
        List<String> projects = new ArrayList<>(b.projects);
        if (projects.isEmpty()) {
            projects.add(DEFAULT_PROJECT);
        }
        this.defaultProject = projects.get(0);
        this.catalog = new Catalog(projects, b.requireOdps2Hints);
        this.secrets = Map.copyOf(b.secrets.isEmpty() ? Map.of(DEFAULT_ACCESS_ID, DEFAULT_ACCESS_KEY) : b.secrets);
        this.accessId = b.secrets.isEmpty() ? DEFAULT_ACCESS_ID : b.secrets.keySet().iterator().next();
        this.stsTokens = Map.copyOf(b.stsTokens);
        this.maxFieldSize = b.maxFieldSize;
        this.server = new MiniHttpServer(HOST, b.port, "maxcompute-emulator", this::handle);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private int port;
        private final List<String> projects = new ArrayList<>();
        private final Map<String, String> secrets = new LinkedHashMap<>();
        private final Map<String, String> stsTokens = new LinkedHashMap<>();
        private long maxFieldSize = DEFAULT_MAX_FIELD_SIZE;
        private boolean requireOdps2Hints;

        /** 0 (default) = a free port chosen by the OS. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Adds a project; the first one is {@link #defaultProject()} (default: {@value #DEFAULT_PROJECT}). */
        public Builder project(String name) {
            projects.add(name);
            return this;
        }

        /** Adds an access key; the first one is {@link #accessId()} (default: the built-in test key). */
        public Builder credentials(String accessId, String accessKey) {
            secrets.put(accessId, accessKey);
            return this;
        }

        /** Requests signed with {@code accessId} must carry this STS token ({@code authorization-sts-token}). */
        public Builder stsToken(String accessId, String token) {
            stsTokens.put(accessId, token);
            return this;
        }

        /** Longest STRING/BINARY value in bytes, as in the session's {@code MaxFieldSize} (default 8 MiB). */
        public Builder maxFieldSize(long bytes) {
            this.maxFieldSize = bytes;
            return this;
        }

        /** Reject 2.0 types in DDL unless the SQL hints set {@code odps.sql.type.system.odps2=true}. */
        public Builder requireOdps2Hints(boolean require) {
            this.requireOdps2Hints = require;
            return this;
        }

        public MaxComputeEmulator start() {
            return new MaxComputeEmulator(this);
        }
    }

    // ---------------------------------------------------------------- public API for tests

    /** {@code http://127.0.0.1:P/api}: {@code Odps.setEndpoint}. */
    public String endpoint() {
        return "http://" + HOST + ":" + port() + "/api";
    }

    /** {@code http://127.0.0.1:P}: {@code TableTunnel.setEndpoint} / {@code Odps.setTunnelEndpoint}. */
    public String tunnelEndpoint() {
        return "http://" + HOST + ":" + port();
    }

    public int port() {
        return server.port();
    }

    public String defaultProject() {
        return defaultProject;
    }

    public String accessId() {
        return accessId;
    }

    public String accessKey() {
        return secrets.get(accessId);
    }

    public MaxComputeFaults faults() {
        return faults;
    }

    /** Runs DDL in the default project, as an SQL instance would (hints: odps2 on). */
    public void execute(String sql) {
        execute(defaultProject, sql);
    }

    public void execute(String project, String sql) {
        String err = runSql(project, sql, Map.of("odps.sql.type.system.odps2", "true"), false);
        if (err != null) {
            throw new IllegalArgumentException(err);
        }
    }

    public boolean tableExists(String table) {
        return tableExists(defaultProject, table);
    }

    public boolean tableExists(String project, String table) {
        synchronized (lock) {
            return catalog.table(project, table) != null;
        }
    }

    /** The table's schema (data and partition columns), or null. */
    public TableSchema tableSchema(String project, String table) {
        synchronized (lock) {
            TableState t = catalog.table(project, table);
            return t == null ? null : t.schema;
        }
    }

    public TableSchema tableSchema(String table) {
        return tableSchema(defaultProject, table);
    }

    /** Canonical partition specs ({@code pt=v,pt2=w}) of a partitioned table, sorted; empty otherwise. */
    public List<String> partitions(String project, String table) {
        synchronized (lock) {
            TableState t = requireTable(project, table);
            return t.isPartitioned() ? List.copyOf(t.partitions.keySet()) : List.of();
        }
    }

    public List<String> partitions(String table) {
        return partitions(defaultProject, table);
    }

    /** Committed rows (data columns only) of a table or of one partition ({@code spec}: null when unpartitioned). */
    public List<Record> rows(String project, String table, String spec) {
        synchronized (lock) {
            TableState t = requireTable(project, table);
            PartitionState p = t.partitions.get(Catalog.canonicalSpec(t, spec));
            if (p == null) {
                throw new IllegalArgumentException("no partition " + spec + " in " + project + "." + table);
            }
            return p.rows;
        }
    }

    public List<Record> rows(String table, String spec) {
        return rows(defaultProject, table, spec);
    }

    public List<Record> rows(String table) {
        return rows(defaultProject, table, null);
    }

    /** Every request so far, in arrival order. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<SqlRun> sqlRuns() {
        synchronized (sqlRuns) {
            return List.copyOf(sqlRuns);
        }
    }

    public List<UploadSessionInfo> uploadSessions() {
        synchronized (lock) {
            List<UploadSessionInfo> out = new ArrayList<>();
            for (UploadSession u : uploads.values()) {
                out.add(new UploadSessionInfo(u.id, u.table.project, u.table.name, u.spec, u.overwrite, u.status,
                        List.copyOf(u.blocks.keySet())));
            }
            return out;
        }
    }

    /** Closes every open client connection now (keep-alive connections included). */
    public void dropConnections() {
        server.dropConnections();
    }

    @Override
    public void close() {
        server.close();
    }

    private TableState requireTable(String project, String table) {
        TableState t = catalog.table(project, table);
        if (t == null) {
            throw new IllegalArgumentException("no table " + project + "." + table);
        }
        return t;
    }

    // ---------------------------------------------------------------- sessions

    private static final class UploadSession {
        final String id;
        final TableState table;
        final String spec;
        final boolean overwrite;
        final TableSchema dataSchema;
        String status = "normal";
        final TreeMap<Long, List<Record>> blocks = new TreeMap<>();

        UploadSession(String id, TableState table, String spec, boolean overwrite) {
            this.id = id;
            this.table = table;
            this.spec = spec;
            this.overwrite = overwrite;
            this.dataSchema = table.dataSchema();
        }
    }

    private static final class DownloadSession {
        final String id;
        final TableState table;
        final String spec;
        final List<Record> rows;

        DownloadSession(String id, TableState table, String spec, List<Record> rows) {
            this.id = id;
            this.table = table;
            this.spec = spec;
            this.rows = rows;
        }
    }

    private static final class InstanceState {
        final String id;
        final boolean success;
        final String result;
        final long start = System.currentTimeMillis();

        InstanceState(String id, boolean success, String result) {
            this.id = id;
            this.success = success;
            this.result = result;
        }
    }

    /** A request that ends with an error answer. */
    private static final class Fail extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        Fail(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    // ---------------------------------------------------------------- dispatch

    private Response handle(Request req) {
        boolean rest = req.path.equals("/api") || req.path.startsWith("/api/");
        String resource = rest ? req.path.substring(4) : req.path;
        String api = rest ? "rest" : "tunnel";
        Response resp;
        String code = null;
        if (faults.takeDropRequest()) {
            drain(req);
            calls.add(new Call(api, req.method, resource, req.params, 0, "injected:drop"));
            return Response.aborted();
        }
        try {
            authenticate(req, resource);
            resp = rest ? rest(req, resource) : tunnel(req, resource);
        } catch (Fail f) {
            code = f.code;
            drain(req);
            resp = rest ? xmlError(f) : jsonError(f);
        } catch (RuntimeException e) {
            code = "InternalServerError";
            drain(req);
            Fail f = new Fail(500, code, "emulator error: " + e);
            resp = rest ? xmlError(f) : jsonError(f);
        }
        if (!resp.headers.containsKey("x-odps-request-id")) {
            resp.header("x-odps-request-id", requestId());
        }
        calls.add(new Call(api, req.method, resource, req.params, resp.abort ? 0 : resp.status, code));
        return resp;
    }

    private static void drain(Request req) {
        try {
            req.body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the connection is going away anyway
        }
    }

    private String requestId() {
        return String.format("%s%08d", DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC)
                .format(Instant.now()), seq.incrementAndGet());
    }

    private void authenticate(Request req, String resource) throws Fail {
        String auth = req.header("Authorization");
        OdpsSignature.Parsed parsed = OdpsSignature.parse(auth);
        if (parsed == null) {
            throw new Fail(403, "Unauthorized", "ODPS-0410042:Invalid signature value - the request is not signed");
        }
        String secret = secrets.get(parsed.accessId);
        if (secret == null) {
            throw new Fail(403, "InvalidAccessKeyId", "ODPS-0410051:Invalid credentials - accessKeyId not found");
        }
        if (parsed.date != null && !OdpsSignature.plausibleDay(parsed.date)) {
            throw new Fail(403, "SignatureNotMatch", "ODPS-0410042:Invalid signature value - credential date "
                    + parsed.date + " is not today");
        }
        String canonical = OdpsSignature.canonicalString(req.method, resource, req.headers, req.params);
        if (!OdpsSignature.verify(parsed, secret, canonical)) {
            throw new Fail(403, "SignatureNotMatch",
                    "ODPS-0410042:Invalid signature value - User signature does not match");
        }
        String sts = stsTokens.get(parsed.accessId);
        if (sts != null && !sts.equals(req.header("authorization-sts-token"))) {
            throw new Fail(403, "InvalidStsToken", "ODPS-0410051:Invalid credentials - STS token missing or wrong");
        }
    }

    private static List<String> segments(String resource) {
        List<String> out = new ArrayList<>();
        for (String s : resource.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- REST (/api)

    private Response rest(Request req, String resource) throws Fail {
        List<String> seg = segments(resource);
        if (seg.size() < 2 || !seg.get(0).equals("projects")) {
            throw new Fail(404, "NoSuchObject", "the emulator has no resource " + resource);
        }
        String projectName = seg.get(1);
        ProjectState project;
        synchronized (lock) {
            project = catalog.project(projectName);
        }
        if (project == null) {
            throw new Fail(404, "NoSuchObject", "ODPS-0420111: Project not found - '" + projectName + "'");
        }
        if (seg.size() == 2 && req.method.equals("GET")) {
            return projectXml(project);
        }
        String sub = seg.get(2);
        if (seg.size() == 3 && sub.equals("tunnel") && req.method.equals("GET")) {
            return new Response(200).body((HOST + ":" + port()).getBytes(StandardCharsets.UTF_8), "text/plain");
        }
        if (seg.size() == 3 && sub.equals("logs")) {
            drain(req);
            return new Response(200);
        }
        if (sub.equals("tables")) {
            if (seg.size() == 3 && req.method.equals("GET")) {
                return listTables(project);
            }
            if (seg.size() == 4 && req.method.equals("GET")) {
                return tableGet(req, project, seg.get(3));
            }
        }
        if (sub.equals("instances")) {
            if (seg.size() == 3 && req.method.equals("POST")) {
                return createInstance(req, project);
            }
            if (seg.size() == 4 && req.method.equals("GET")) {
                return instanceGet(req, project, seg.get(3));
            }
        }
        throw new Fail(405, "MethodNotAllowed", "the emulator does not support " + req.method + " " + resource);
    }

    private Response projectXml(ProjectState p) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Project><Name>" + esc(p.name)
                + "</Name><Type>managed</Type><Comment></Comment><State>AVAILABLE</State>"
                + "<ProjectGroupName></ProjectGroupName><Properties></Properties></Project>";
        return xml(200, xml).header("x-odps-owner", OWNER)
                .header("x-odps-creation-time", RFC1123.format(Instant.ofEpochMilli(p.createTime)))
                .header("Last-Modified", RFC1123.format(Instant.ofEpochMilli(p.createTime)));
    }

    private Response listTables(ProjectState p) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Tables><Marker></Marker>"
                + "<MaxItems>1000</MaxItems>");
        synchronized (lock) {
            for (TableState t : p.tables.values()) {
                sb.append("<Table><Name>").append(esc(t.name)).append("</Name><TableId>").append(t.id)
                        .append("</TableId><Owner>").append(esc(OWNER)).append("</Owner><Project>")
                        .append(esc(t.project)).append("</Project></Table>");
            }
        }
        return xml(200, sb.append("</Tables>").toString());
    }

    private Response tableGet(Request req, ProjectState p, String tableName) throws Fail {
        synchronized (lock) {
            TableState t = catalog.table(p.name, tableName);
            if (t == null) {
                throw new Fail(404, "NoSuchObject", "ODPS-0130131:Table not found - '" + p.name + "." + tableName
                        + "'");
            }
            if (req.has("partition")) {
                String spec = canonical(t, req.param("partition"), 404, "NoSuchObject");
                PartitionState ps = t.partitions.get(spec);
                if (ps == null || !t.isPartitioned()) {
                    throw new Fail(404, "NoSuchObject", "ODPS-0130131:Partition not found - '" + spec + "'");
                }
                JsonObject j = new JsonObject();
                j.addProperty("createTime", ps.createTime / 1000);
                j.addProperty("lastDDLTime", ps.createTime / 1000);
                j.addProperty("lastModifiedTime", ps.lastModified / 1000);
                j.addProperty("partitionSize", 0);
                j.addProperty("partitionRecordNum", ps.rows.size());
                return xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Partition><Schema>" + cdata(j.toString())
                        + "</Schema></Partition>");
            }
            if (req.has("partitions")) {
                StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Partitions>"
                        + "<Marker></Marker><MaxItems>1000</MaxItems>");
                if (t.isPartitioned()) {
                    for (PartitionState ps : t.partitions.values()) {
                        if (req.has("name")) {
                            StringBuilder name = new StringBuilder();
                            for (Map.Entry<String, String> e : ps.spec.entrySet()) {
                                name.append(name.length() > 0 ? "," : "").append(e.getKey()).append("='")
                                        .append(e.getValue()).append('\'');
                            }
                            sb.append("<Partition><Name>").append(esc(name.toString())).append("</Name></Partition>");
                        } else {
                            sb.append("<Partition>");
                            for (Map.Entry<String, String> e : ps.spec.entrySet()) {
                                sb.append("<Column Name=\"").append(esc(e.getKey())).append("\" Value=\"")
                                        .append(esc(e.getValue())).append("\"/>");
                            }
                            sb.append("<CreationTime>").append(ps.createTime / 1000).append("</CreationTime>")
                                    .append("<LastDDLTime>").append(ps.createTime / 1000).append("</LastDDLTime>")
                                    .append("<LastModifiedTime>").append(ps.lastModified / 1000)
                                    .append("</LastModifiedTime></Partition>");
                        }
                    }
                }
                return xml(200, sb.append("</Partitions>").toString());
            }
            return xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Table><Name>" + esc(t.name)
                    + "</Name><TableId>" + t.id + "</TableId><Owner>" + esc(OWNER) + "</Owner><Project>"
                    + esc(t.project) + "</Project><Schema>" + cdata(tableJson(t).toString()) + "</Schema></Table>");
        }
    }

    private JsonObject tableJson(TableState t) {
        JsonObject j = new JsonObject();
        j.addProperty("tableName", t.name);
        j.addProperty("owner", OWNER);
        j.addProperty("comment", t.comment == null ? "" : t.comment);
        j.addProperty("createTime", t.createTime / 1000);
        j.addProperty("lastModifiedTime", t.lastModified / 1000);
        j.addProperty("lastDDLTime", t.createTime / 1000);
        j.addProperty("isVirtualView", false);
        j.addProperty("isExternal", false);
        j.addProperty("lifecycle", t.lifecycle == null ? -1 : t.lifecycle);
        j.addProperty("size", 0);
        j.addProperty("recordNum", t.recordCount());
        JsonArray cols = new JsonArray();
        for (Column c : t.schema.getColumns()) {
            cols.add(restColumn(c));
        }
        j.add("columns", cols);
        JsonArray parts = new JsonArray();
        for (Column c : t.schema.getPartitionColumns()) {
            parts.add(restColumn(c));
        }
        j.add("partitionKeys", parts);
        return j;
    }

    private static JsonObject restColumn(Column c) {
        JsonObject o = new JsonObject();
        o.addProperty("name", c.getName());
        o.addProperty("type", c.getTypeInfo().getTypeName());
        o.addProperty("comment", c.getComment() == null ? "" : c.getComment());
        o.addProperty("isNullable", c.isNullable());
        return o;
    }

    private Response createInstance(Request req, ProjectState p) throws Fail {
        String query;
        Map<String, String> hints = new LinkedHashMap<>();
        try {
            byte[] body = req.readBody();
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            NodeList sqls = doc.getElementsByTagName("SQL");
            if (sqls.getLength() != 1) {
                throw new Fail(400, "InvalidArgument", "the emulator runs only single SQL tasks");
            }
            Element task = (Element) sqls.item(0);
            NodeList q = task.getElementsByTagName("Query");
            if (q.getLength() != 1) {
                throw new Fail(400, "InvalidArgument", "the SQL task has no Query");
            }
            query = q.item(0).getTextContent();
            NodeList props = task.getElementsByTagName("Property");
            for (int i = 0; i < props.getLength(); i++) {
                Element prop = (Element) props.item(i);
                NodeList n = prop.getElementsByTagName("Name");
                NodeList v = prop.getElementsByTagName("Value");
                if (n.getLength() == 1 && v.getLength() == 1 && n.item(0).getTextContent().equals("settings")) {
                    JsonObject settings = JsonParser.parseString(v.item(0).getTextContent()).getAsJsonObject();
                    for (String k : settings.keySet()) {
                        hints.put(k, settings.get(k).getAsString());
                    }
                }
            }
        } catch (Fail f) {
            throw f;
        } catch (Exception e) {
            throw new Fail(400, "InvalidArgument", "cannot parse the instance XML: " + e.getMessage());
        }
        String err = runSql(p.name, query, hints, true);
        String id = String.format("%s%06dgemu%s", java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
                .withZone(ZoneOffset.UTC).format(Instant.now()), seq.incrementAndGet(),
                UUID.randomUUID().toString().substring(0, 8));
        synchronized (lock) {
            instances.put(id, new InstanceState(id, err == null, err == null ? "OK" : err));
        }
        return new Response(201).header("Location", endpoint() + "/projects/" + p.name + "/instances/" + id);
    }

    /** Null on success, else the failure text. */
    private String runSql(String project, String query, Map<String, String> hints, boolean record) {
        String err = null;
        try {
            List<SqlScript.Statement> stmts = SqlScript.parse(query);
            synchronized (lock) {
                for (SqlScript.Statement s : stmts) {
                    catalog.execute(project, s, hints);
                }
            }
        } catch (SqlScript.SqlException e) {
            err = "ODPS-0130161:Parse exception - " + e.getMessage();
        } catch (IllegalArgumentException e) {
            err = e.getMessage();
        }
        sqlRuns.add(new SqlRun(project, query, Map.copyOf(hints), err == null, err == null ? "OK" : err));
        return err;
    }

    private Response instanceGet(Request req, ProjectState p, String id) throws Fail {
        InstanceState inst;
        synchronized (lock) {
            inst = instances.get(id);
        }
        if (inst == null) {
            throw new Fail(404, "NoSuchObject", "ODPS-0420111: Instance not found - '" + id + "'");
        }
        String taskStatus = inst.success ? "Success" : "Failed";
        if (req.has("taskstatus")) {
            return xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Instance><Status>Terminated</Status>"
                    + "<Tasks><Task Type=\"SQL\"><Name>AnonymousSQLTask</Name><StartTime>"
                    + RFC1123.format(Instant.ofEpochMilli(inst.start)) + "</StartTime><EndTime>"
                    + RFC1123.format(Instant.ofEpochMilli(inst.start)) + "</EndTime><Status>" + taskStatus
                    + "</Status><Histories></Histories></Task></Tasks></Instance>");
        }
        if (req.has("result")) {
            return xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Instance><Tasks><Task Type=\"SQL\">"
                    + "<Name>AnonymousSQLTask</Name><Result Format=\"text\">" + esc(inst.result) + "</Result>"
                    + "<Status>" + taskStatus + "</Status></Task></Tasks></Instance>");
        }
        String t = RFC1123.format(Instant.ofEpochMilli(inst.start));
        return xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Instance><Status>Terminated</Status></Instance>")
                .header("x-odps-owner", OWNER).header("x-odps-start-time", t).header("x-odps-end-time", t);
    }

    // ---------------------------------------------------------------- Tunnel

    private Response tunnel(Request req, String resource) throws Fail {
        List<String> seg = segments(resource);
        if (seg.size() != 4 || !seg.get(0).equals("projects") || !seg.get(2).equals("tables")) {
            throw new Fail(404, "NoSuchObject", "the emulator has no tunnel resource " + resource);
        }
        String projectName = seg.get(1);
        String tableName = seg.get(3);
        TableState t;
        synchronized (lock) {
            if (catalog.project(projectName) == null) {
                throw new Fail(404, "NoSuchProject", "Project not found - '" + projectName + "'");
            }
            t = catalog.table(projectName, tableName);
        }
        if (t == null) {
            throw new Fail(404, "NoSuchTable", "Table not found - '" + projectName + "." + tableName + "'");
        }
        String m = req.method;
        if (m.equals("POST") && req.has("uploads")) {
            return createUpload(req, t);
        }
        if (req.has("uploadid")) {
            if (m.equals("PUT") && req.has("blockid")) {
                return putBlock(req, t);
            }
            if (m.equals("GET")) {
                return uploadStatus(req, t);
            }
            if (m.equals("POST")) {
                return commit(req, t);
            }
        }
        if (m.equals("POST") && req.has("downloads")) {
            return createDownload(req, t);
        }
        if (m.equals("GET") && req.has("downloadid")) {
            return req.has("data") ? download(req, t) : downloadStatus(req, t);
        }
        throw new Fail(400, "InvalidArgument", "the emulator does not support " + m + " " + resource + " with "
                + req.params.keySet());
    }

    private String canonical(TableState t, String spec, int status, String code) throws Fail {
        try {
            return Catalog.canonicalSpec(t, spec);
        } catch (IllegalArgumentException e) {
            throw new Fail(status, code, e.getMessage());
        }
    }

    /** The partition a tunnel request names; it must exist. */
    private String existingPartition(Request req, TableState t) throws Fail {
        String given = req.param("partition");
        if (t.isPartitioned() && (given == null || given.isEmpty())) {
            throw new Fail(400, "MissingPartitionSpec",
                    "You need to specify a partitionspec along with the specified table.");
        }
        String spec = canonical(t, given, 400, "InvalidPartitionSpec");
        if (!t.partitions.containsKey(spec)) {
            throw new Fail(404, "NoSuchPartition", "The specified partition does not exist: " + spec);
        }
        return spec;
    }

    private Response createUpload(Request req, TableState t) throws Fail {
        synchronized (lock) {
            String spec = existingPartition(req, t);
            String id = newSessionId();
            UploadSession u = new UploadSession(id, t, spec, "true".equalsIgnoreCase(req.param("overwrite")));
            uploads.put(id, u);
            return json(200, uploadJson(u));
        }
    }

    private UploadSession upload(Request req, TableState t) throws Fail {
        UploadSession u = uploads.get(req.param("uploadid"));
        if (u == null || u.table != t) {
            throw new Fail(404, "NoSuchUpload", "The specified upload id does not exist: " + req.param("uploadid"));
        }
        String given = req.param("partition");
        String spec = canonical(t, given, 400, "InvalidPartitionSpec");
        if (!spec.equals(u.spec)) {
            throw new Fail(400, "InvalidPartitionSpec", "partition " + spec + " is not the session's " + u.spec);
        }
        return u;
    }

    private Response uploadStatus(Request req, TableState t) throws Fail {
        synchronized (lock) {
            return json(200, uploadJson(upload(req, t)));
        }
    }

    private Response putBlock(Request req, TableState t) throws Fail {
        UploadSession u;
        long blockId;
        synchronized (lock) {
            u = upload(req, t);
            if (!u.status.equals("normal")) {
                throw new Fail(409, "StatusConflict", "upload session " + u.id + " is " + u.status);
            }
        }
        try {
            blockId = Long.parseLong(req.param("blockid"));
        } catch (NumberFormatException e) {
            throw new Fail(400, "InvalidBlockID", "invalid block id " + req.param("blockid"));
        }
        if (blockId < 0 || blockId >= MAX_BLOCKS) {
            throw new Fail(400, "InvalidBlockID", "block id " + blockId + " is outside [0, " + MAX_BLOCKS + ")");
        }
        CompressOption option = compressOption(req.header("Content-Encoding"));
        MaxComputeFaults.Outcome fault = faults.takeBlock(blockId);
        if (fault == MaxComputeFaults.Outcome.DROP) {
            drain(req);
            return Response.aborted();
        }
        if (fault == MaxComputeFaults.Outcome.FAIL) {
            throw new Fail(500, "InternalServerError", "injected failure of block " + blockId);
        }
        List<Record> records = new ArrayList<>();
        try {
            ProtobufRecordStreamReader reader = new ProtobufRecordStreamReader(u.dataSchema, req.body, option);
            for (Record r; (r = reader.read()) != null;) {
                records.add(validate(u.dataSchema, r, records.size()));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadValue) {
                throw new Fail(400, "MalformedDataStream", e.getMessage());
            }
            throw new Fail(400, "MalformedDataStream", "cannot decode block " + blockId + ": " + e);
        }
        synchronized (lock) {
            if (!u.status.equals("normal")) {
                throw new Fail(409, "StatusConflict", "upload session " + u.id + " is " + u.status);
            }
            u.blocks.put(blockId, List.copyOf(records)); // a re-upload replaces the block
        }
        return new Response(200);
    }

    private static final class BadValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadValue(String message) {
            super(message);
        }
    }

    private Record validate(TableSchema schema, Record r, int index) {
        List<Column> cols = schema.getColumns();
        for (int i = 0; i < cols.size(); i++) {
            Object v = r.get(i);
            if (v == null) {
                if (!cols.get(i).isNullable()) {
                    throw new BadValue("record " + index + ": column '" + cols.get(i).getName() + "' is NOT NULL");
                }
                continue;
            }
            Column c = cols.get(i);
            OdpsType type = c.getTypeInfo().getOdpsType();
            switch (type) {
                case DECIMAL: {
                    DecimalTypeInfo d = (DecimalTypeInfo) c.getTypeInfo();
                    BigDecimal bd = (BigDecimal) v;
                    BigDecimal scaled = bd.setScale(d.getScale(), RoundingMode.HALF_UP);
                    if (scaled.precision() - scaled.scale() > d.getPrecision() - d.getScale()) {
                        throw new BadValue("record " + index + ": value " + bd.toPlainString() + " of column '"
                                + c.getName() + "' is out of range for " + d.getTypeName());
                    }
                    r.set(i, scaled);
                    break;
                }
                case VARCHAR:
                case CHAR: {
                    int len = ((AbstractCharTypeInfo) c.getTypeInfo()).getLength();
                    String s = v.toString();
                    if (s.codePointCount(0, s.length()) > len) {
                        throw new BadValue("record " + index + ": value of column '" + c.getName() + "' is longer "
                                + "than " + c.getTypeInfo().getTypeName());
                    }
                    break;
                }
                case STRING: {
                    byte[] b = r.getBytes(i);
                    if (b.length > maxFieldSize) {
                        throw new BadValue("record " + index + ": value of column '" + c.getName() + "' has "
                                + b.length + " bytes, more than the field size limit " + maxFieldSize);
                    }
                    break;
                }
                case BINARY: {
                    if (v instanceof Binary && ((Binary) v).length() > maxFieldSize) {
                        throw new BadValue("record " + index + ": value of column '" + c.getName() + "' has "
                                + ((Binary) v).length() + " bytes, more than the field size limit " + maxFieldSize);
                    }
                    break;
                }
                default:
                    break;
            }
        }
        return r;
    }

    private Response commit(Request req, TableState t) throws Fail {
        synchronized (lock) {
            UploadSession u = upload(req, t);
            if (u.status.equals("closed")) {
                return json(200, uploadJson(u)); // committing twice is harmless, as the SDK retries commits
            }
            int injected = faults.takeCommit();
            if (injected != 0) {
                throw new Fail(injected, injected >= 500 ? "InternalServerError" : "StatusConflict",
                        "injected failure of the commit of " + u.id);
            }
            PartitionState ps = t.partitions.get(u.spec);
            if (ps == null || catalog.table(t.project, t.name) != t) {
                throw new Fail(404, "NoSuchPartition", "the session's partition or table no longer exists");
            }
            List<Record> rows = new ArrayList<>(u.overwrite ? List.of() : ps.rows);
            for (List<Record> block : u.blocks.values()) {
                rows.addAll(block);
            }
            ps.rows = Collections.unmodifiableList(rows);
            ps.lastModified = System.currentTimeMillis();
            t.lastModified = ps.lastModified;
            u.status = "closed";
            return json(200, uploadJson(u));
        }
    }

    private Response createDownload(Request req, TableState t) throws Fail {
        synchronized (lock) {
            String spec = existingPartition(req, t);
            String id = newSessionId();
            DownloadSession d = new DownloadSession(id, t, spec, t.partitions.get(spec).rows);
            downloads.put(id, d);
            return json(200, downloadJson(d));
        }
    }

    private DownloadSession downloadSession(Request req, TableState t) throws Fail {
        synchronized (lock) {
            DownloadSession d = downloads.get(req.param("downloadid"));
            if (d == null || d.table != t) {
                throw new Fail(404, "NoSuchDownload", "The specified download id does not exist: "
                        + req.param("downloadid"));
            }
            return d;
        }
    }

    private Response downloadStatus(Request req, TableState t) throws Fail {
        return json(200, downloadJson(downloadSession(req, t)));
    }

    private Response download(Request req, TableState t) throws Fail {
        DownloadSession d = downloadSession(req, t);
        String range = req.param("rowrange");
        long start;
        long count;
        try {
            String r = range.trim();
            String[] p = r.substring(1, r.length() - 1).split(",");
            start = Long.parseLong(p[0].trim());
            count = Long.parseLong(p[1].trim());
        } catch (RuntimeException e) {
            throw new Fail(400, "InvalidRowRange", "invalid rowrange " + range);
        }
        if (start < 0 || count < 0 || start + count > d.rows.size()) {
            throw new Fail(400, "InvalidRowRange", "rowrange " + range + " is outside the " + d.rows.size()
                    + " records of the session");
        }
        TableSchema full = d.table.dataSchema();
        List<Column> cols = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        String columns = req.param("columns");
        if (columns == null || columns.isEmpty()) {
            for (int i = 0; i < full.getColumns().size(); i++) {
                cols.add(full.getColumn(i));
                idx.add(i);
            }
        } else {
            for (String name : columns.split(",")) {
                String n = name.trim().toLowerCase(Locale.ROOT);
                if (!full.containsColumn(n)) {
                    throw new Fail(400, "InvalidColumnSpec", "column '" + name + "' does not exist");
                }
                cols.add(full.getColumn(n));
                idx.add(full.getColumnIndex(n));
            }
        }
        String accept = req.header("Accept-Encoding");
        String encoding = null;
        if (accept != null) {
            for (String e : accept.split(",")) {
                String enc = e.trim();
                if (enc.equals("deflate") || enc.equals("x-snappy-framed") || enc.equals("x-lz4-frame")
                        || enc.equals("zstd")) {
                    encoding = enc;
                    break;
                }
            }
        }
        CompressOption option = compressOption(encoding);
        TableSchema out = new TableSchema();
        cols.forEach(out::addColumn);
        Column[] colArray = cols.toArray(new Column[0]);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ProtobufRecordStreamWriter w = new ProtobufRecordStreamWriter(out, bytes, option);
            for (long i = start; i < start + count; i++) {
                Record src = d.rows.get((int) i);
                ArrayRecord r = new ArrayRecord(colArray);
                for (int c = 0; c < colArray.length; c++) {
                    r.set(c, src.get(idx.get(c)));
                }
                w.write(r);
            }
            w.close();
        } catch (IOException e) {
            throw new Fail(500, "InternalServerError", "cannot encode records: " + e);
        }
        Response resp = new Response(200).body(bytes.toByteArray(), "application/octet-stream");
        if (encoding != null) {
            resp.header("Content-Encoding", encoding);
        }
        return resp;
    }

    private static CompressOption compressOption(String encoding) throws Fail {
        if (encoding == null || encoding.isEmpty()) {
            return new CompressOption(CompressOption.CompressAlgorithm.ODPS_RAW, 0, 0);
        }
        switch (encoding) {
            case "deflate":
                return new CompressOption(CompressOption.CompressAlgorithm.ODPS_ZLIB, 1, 0);
            case "x-snappy-framed":
                return new CompressOption(CompressOption.CompressAlgorithm.ODPS_SNAPPY, 1, 0);
            case "x-lz4-frame":
                return new CompressOption(CompressOption.CompressAlgorithm.ODPS_LZ4_FRAME, 1, 0);
            case "zstd":
                return new CompressOption(CompressOption.CompressAlgorithm.ODPS_ZSTD, 1, 0);
            default:
                throw new Fail(400, "UnsupportedEncoding", "unsupported Content-Encoding " + encoding);
        }
    }

    private String newSessionId() {
        return String.format("%s%06d%s", java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                .withZone(ZoneOffset.UTC).format(Instant.now()), seq.incrementAndGet(),
                UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    private JsonObject uploadJson(UploadSession u) {
        JsonObject j = new JsonObject();
        j.addProperty("UploadID", u.id);
        j.addProperty("Status", u.status);
        JsonArray blocks = new JsonArray();
        for (Map.Entry<Long, List<Record>> b : u.blocks.entrySet()) {
            JsonObject o = new JsonObject();
            o.addProperty("BlockID", b.getKey());
            o.addProperty("RecordCount", b.getValue().size());
            blocks.add(o);
        }
        j.add("UploadedBlockList", blocks);
        j.addProperty("IsOverwrite", u.overwrite);
        j.add("Schema", tunnelSchema(u.table));
        j.addProperty("MaxFieldSize", maxFieldSize);
        j.addProperty("QuotaName", "");
        return j;
    }

    private JsonObject downloadJson(DownloadSession d) {
        JsonObject j = new JsonObject();
        j.addProperty("DownloadID", d.id);
        j.addProperty("Status", "normal");
        j.addProperty("RecordCount", d.rows.size());
        j.add("Schema", tunnelSchema(d.table));
        j.addProperty("QuotaName", "");
        return j;
    }

    private static JsonObject tunnelSchema(TableState t) {
        JsonObject s = new JsonObject();
        JsonArray cols = new JsonArray();
        int id = 0;
        for (Column c : t.schema.getColumns()) {
            cols.add(tunnelColumn(c, id++));
        }
        s.add("columns", cols);
        JsonArray parts = new JsonArray();
        for (Column c : t.schema.getPartitionColumns()) {
            parts.add(tunnelColumn(c, id++));
        }
        s.add("partitionKeys", parts);
        return s;
    }

    private static JsonObject tunnelColumn(Column c, int id) {
        JsonObject o = new JsonObject();
        o.addProperty("column_id", Integer.toString(id));
        o.addProperty("comment", c.getComment() == null ? "" : c.getComment());
        o.addProperty("name", c.getName());
        o.addProperty("nullable", Boolean.toString(c.isNullable()));
        o.addProperty("type", c.getTypeInfo().getTypeName());
        return o;
    }

    // ---------------------------------------------------------------- encoding helpers

    private static Response xml(int status, String body) {
        return new Response(status).body(body.getBytes(StandardCharsets.UTF_8), "application/xml");
    }

    private static Response json(int status, JsonObject body) {
        return new Response(status).body(body.toString().getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private Response xmlError(Fail f) {
        String id = requestId();
        return xml(f.status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + esc(f.code) + "</Code>"
                + "<Message>" + esc(f.getMessage()) + "</Message><RequestId>" + id + "</RequestId><HostId>"
                + HOST + "</HostId></Error>").header("x-odps-request-id", id);
    }

    private Response jsonError(Fail f) {
        String id = requestId();
        JsonObject j = new JsonObject();
        j.addProperty("Code", f.code);
        j.addProperty("Message", f.getMessage());
        j.addProperty("RequestId", id);
        return json(f.status, j).header("x-odps-request-id", id);
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '&':
                    sb.append("&amp;");
                    break;
                case '"':
                    sb.append("&quot;");
                    break;
                case '\'':
                    sb.append("&apos;");
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String cdata(String s) {
        return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }
}
