package io.chpack.common.conformance;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.convert.ColumnConversionException;
import io.chpack.common.convert.ConversionOptions;
import io.chpack.common.convert.RowDecoder;
import io.chpack.common.convert.RowEncoder;
import io.chpack.common.rowbinary.RowBinaryInput;
import io.chpack.common.rowbinary.RowBinaryOutput;
import io.chpack.testkit.ClickHouseServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The conversions against the real ClickHouse 18.16: the same text values go into one table through our
 * converters (StringColumns → RowBinary) and into another through the server's own text parser
 * (TabSeparated); both tables must then read back identically, which checks our zone resolution
 * (column zone, else server zone), Decimal, UInt64, UUID, Enum, FixedString padding and arrays against
 * the server. Then the server's RowBinary export is decoded by our reader into the expected Columns.
 */
class ConversionConformance1816Test {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String COLUMNS = "id UInt32, dt DateTime, dts DateTime('Asia/Shanghai'), dny DateTime('America/New_York'),"
            + " d Date, dec Decimal(18, 4), dec38 Decimal(38, 10), u64 UInt64, i8 Int8, s String, fs FixedString(4), u UUID,"
            + " e Enum8('a' = 1, 'b' = 2), arr Array(Nullable(Int32)), f64 Float64, n Nullable(Decimal(9, 2)), f32 Float32";
    /** Rows as text; the last three columns differ between our JSON and the server's TSV syntax. */
    private static final String[][] ROWS = {
            {"1", "2024-01-15 10:30:00", "2024-01-15 10:30:00", "2024-07-04 12:00:00", "2024-01-15", "-12345678901234.5678",
                    "-9999999999999999999999999999.9999999999", "18446744073709551615", "-128", "tab\tquote'", "ab",
                    "61f0c404-5cb3-11e7-907b-a6006ad3dba0", "b", "[1,null,-2147483648]", "0.1", null, "0.1"},
            {"2", "2000-02-29 23:59:59", "1988-04-17 01:30:00", "2024-03-09 23:59:59", "2038-01-19", "0.0001",
                    "0.0000000001", "0", "127", "😀é", "abcd", "00000000-0000-0000-0000-000000000000", "a", "[]", "-0", "-1.50",
                    "3.4028235e38"},
    };
    private static ClickHouseServer ch;
    private static ZoneId serverZone;

    @BeforeAll
    static void start() {
        ch = ClickHouseServer.start();
        serverZone = ZoneId.of(ch.query("SELECT timezone()").trim());
    }

    @AfterAll
    static void stop() {
        if (ch != null) {
            ch.close();
        }
    }

    private static List<ClickHouseType> types(List<String> names) {
        List<ClickHouseType> types = new ArrayList<>();
        for (String def : COLUMNS.split(",(?![^(]*\\))")) {
            String d = def.trim();
            names.add(d.substring(0, d.indexOf(' ')));
            types.add(ClickHouseType.parse(d.substring(d.indexOf(' ') + 1)));
        }
        return types;
    }

    @Test
    void ourConversionsAgreeWithTheServersOwnTextParsing() throws Exception {
        List<String> names = new ArrayList<>();
        List<ClickHouseType> types = types(names);
        ConversionOptions options = ConversionOptions.builder(ZoneId.of("Pacific/Chatham")).serverTimeZone(serverZone).build();
        RowEncoder enc = new RowEncoder(names, types, options);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        StringBuilder tsv = new StringBuilder();
        try (RowBinaryOutput out = new RowBinaryOutput(bos)) {
            for (String[] row : ROWS) {
                ListRecord rec = new ListRecord();
                for (String v : row) {
                    rec.addColumn(new StringColumn(v));
                }
                enc.encodeRow(rec, out);
                for (int i = 0; i < row.length; i++) {
                    tsv.append(i == 0 ? "" : "\t").append(tsvText(names.get(i), row[i]));
                }
                tsv.append('\n');
            }
        }
        ch.query("CREATE TABLE conv_ours (" + COLUMNS + ") ENGINE = Memory");
        ch.query("CREATE TABLE conv_server (" + COLUMNS + ") ENGINE = Memory");
        post("INSERT INTO conv_ours FORMAT RowBinary", bos.toByteArray());
        post("INSERT INTO conv_server FORMAT TabSeparated", tsv.toString().getBytes(StandardCharsets.UTF_8));
        String select = "SELECT id, toUnixTimestamp(dt), toUnixTimestamp(dts), toUnixTimestamp(dny), toString(d), toString(dec),"
                + " toString(dec38), toString(u64), i8, hex(s), hex(fs), toString(u), toString(e), arr, f64, n, f32 FROM ";
        String server = ch.query(select + "conv_server ORDER BY id FORMAT TSV");
        String ours = ch.query(select + "conv_ours ORDER BY id FORMAT TSV");
        assertEquals(server, ours);
        // and against absolute expectations, so a shared mistake cannot pass
        String first = ours.split("\n")[0];
        String[] f = first.split("\t");
        assertEquals("1705285800", f[2], "DateTime('Asia/Shanghai') from zone-less text is in the column's zone");
        assertEquals(String.valueOf(java.time.LocalDateTime.parse("2024-01-15T10:30:00").atZone(serverZone).toEpochSecond()), f[1],
                "DateTime without a zone is in the server's zone, not the configured one");
        assertEquals("1720108800", f[3]);
        assertEquals("-12345678901234.5678", f[5]);
        assertEquals("18446744073709551615", f[7]);
        assertEquals("61620000", f[10], "FixedString padded with zero bytes");
        ch.query("DROP TABLE conv_server");
    }

    @Test
    void serverRowBinaryDecodesIntoTheExpectedColumns() throws Exception {
        List<String> names = new ArrayList<>();
        List<ClickHouseType> types = types(names);
        ch.query("CREATE TABLE IF NOT EXISTS conv_read (" + COLUMNS + ") ENGINE = Memory");
        ch.query("INSERT INTO conv_read VALUES (1, '2024-01-15 10:30:00', '2024-01-15 10:30:00', '2024-07-04 12:00:00', '2024-01-15',"
                + " toDecimal64('-12345678901234.5678', 4), toDecimal128('-9999999999999999999999999999.9999999999', 10),"
                + " toUInt64('18446744073709551615'), -128, 'a\\0b', 'ab', '61f0c404-5cb3-11e7-907b-a6006ad3dba0', 'b',"
                + " [1, NULL], 0.1, NULL, 0.1)");
        ConversionOptions options = ConversionOptions.builder(ZoneId.of("UTC")).serverTimeZone(serverZone).build();
        RowDecoder dec = new RowDecoder(names, types, options);
        byte[] bytes = post("SELECT * FROM conv_read FORMAT RowBinary", null);
        RowBinaryInput in = new RowBinaryInput(new ByteArrayInputStream(bytes));
        ListRecord rec = new ListRecord();
        assertTrue(dec.readRow(in, rec));
        assertFalse(dec.readRow(in, new ListRecord()));
        Map<String, Column> c = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            c.put(names.get(i), rec.getColumn(i));
        }
        assertEquals(1705285800000L, c.get("dts").getRawData());
        assertEquals(java.time.LocalDateTime.parse("2024-01-15T10:30:00").atZone(serverZone).toInstant().toEpochMilli(), c.get("dt").getRawData());
        assertEquals(Instant.parse("2024-07-04T16:00:00Z").toEpochMilli(), c.get("dny").getRawData());
        assertEquals(java.time.LocalDate.parse("2024-01-15").atStartOfDay(serverZone).toInstant().toEpochMilli(), c.get("d").getRawData());
        assertEquals("-12345678901234.5678", c.get("dec").getRawData());
        assertEquals("-9999999999999999999999999999.9999999999", c.get("dec38").getRawData());
        assertEquals(new BigInteger("18446744073709551615"), c.get("u64").getRawData());
        assertEquals(BigInteger.valueOf(-128), c.get("i8").getRawData());
        assertEquals("a\0b", c.get("s").getRawData());
        assertArrayEquals(new byte[] {'a', 'b', 0, 0}, (byte[]) c.get("fs").getRawData());
        assertEquals("61f0c404-5cb3-11e7-907b-a6006ad3dba0", c.get("u").getRawData());
        assertEquals("b", c.get("e").getRawData());
        assertEquals("[1,null]", c.get("arr").getRawData());
        assertEquals("0.1", c.get("f64").getRawData());
        assertNull(c.get("n").getRawData());
        assertEquals("0.1", c.get("f32").getRawData(), "Float32 as its shortest text, not 0.10000000149011612");
        ch.query("DROP TABLE conv_read");
    }

    @Test
    void dstOverlapAndGapAgainstTheServer() throws Exception {
        // the writer takes the first occurrence of a repeated local time; record what 18.16 does with the same text
        String overlap = ch.query("SELECT toUnixTimestamp(toDateTime('2024-11-03 01:30:00', 'America/New_York'))").trim();
        List<String> names = List.of("t");
        List<ClickHouseType> types = List.of(ClickHouseType.parse("DateTime('America/New_York')"));
        RowEncoder enc = new RowEncoder(names, types, ConversionOptions.builder(ZoneId.of("UTC")).build());
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (RowBinaryOutput out = new RowBinaryOutput(bos)) {
            ListRecord r = new ListRecord();
            r.addColumn(new StringColumn("2024-11-03 01:30:00"));
            enc.encodeRow(r, out);
            ListRecord gap = new ListRecord();
            gap.addColumn(new StringColumn("2024-03-10 02:30:00"));
            assertThrows(ColumnConversionException.class, () -> enc.encodeRow(gap, out));
        }
        byte[] b = bos.toByteArray();
        long ours = (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
        assertEquals(Instant.parse("2024-11-03T05:30:00Z").getEpochSecond(), ours);
        assertEquals(String.valueOf(ours), overlap, "18.16 resolves the repeated hour the same way");
    }

    private static String tsvText(String column, String v) {
        if (v == null) {
            return "\\N";
        }
        if (column.equals("arr")) {
            return v.replace("null", "NULL");
        }
        return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static byte[] post(String query, byte[] body) throws IOException, InterruptedException {
        String url = ch.httpUrl() + "/?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> resp = HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (resp.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + resp.statusCode() + ": " + new String(resp.body(), StandardCharsets.UTF_8)
                    + "\nquery: " + query);
        }
        return resp.body();
    }

    /** A minimal Record. */
    static final class ListRecord implements Record {
        private final List<Column> columns = new ArrayList<>();

        @Override
        public void addColumn(Column column) {
            columns.add(column);
        }

        @Override
        public void setColumn(int i, Column column) {
            columns.set(i, column);
        }

        @Override
        public Column getColumn(int i) {
            return i < columns.size() ? columns.get(i) : null;
        }

        @Override
        public int getColumnNumber() {
            return columns.size();
        }

        @Override
        public int getByteSize() {
            return 0;
        }

        @Override
        public int getMemorySize() {
            return 0;
        }
    }
}
