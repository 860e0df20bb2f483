package io.chpack.odpswriterext.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.DataXException;
import com.aliyun.odps.OdpsType;

import io.chpack.odpswriterext.OdpsWriterErrorCode;
import io.chpack.odpswriterext.plan.TableLayout;

/**
 * One DataX record → the data values of one MaxCompute row (in table column order, untouched columns NULL) and
 * the values of its dynamic partition keys. A value that does not fit is a {@link DirtyValueException}.
 */
public final class RecordConverter {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final TableLayout layout;
    private final ValueConverter values;
    private final ValueConverter.Target[] targets;
    private final ZoneId zone;
    private final int dataWidth;

    public RecordConverter(TableLayout layout, ValueConverter values, ZoneId zone) {
        this.layout = layout;
        this.values = values;
        this.zone = zone;
        List<com.aliyun.odps.Column> data = layout.schema.getColumns();
        this.dataWidth = data.size();
        this.targets = new ValueConverter.Target[layout.dataIndex.length];
        for (int i = 0; i < targets.length; i++) {
            if (layout.dataIndex[i] >= 0) {
                targets[i] = ValueConverter.target(data.get(layout.dataIndex[i]).getTypeInfo());
            }
        }
    }

    /**
     * @param data      filled with the converted data values (length = the table's data columns)
     * @param partition filled with the partition values (static ones copied; dynamic from the record)
     */
    public void convert(Record r, Object[] data, String[] partition) throws DirtyValueException {
        if (r.getColumnNumber() != targets.length) {
            throw DataXException.asDataXException(OdpsWriterErrorCode.CONFIG_ERROR, "the reader sends records of "
                    + r.getColumnNumber() + " columns but column lists " + targets.length + " " + layout.names
                    + "; the two lists must match one to one");
        }
        java.util.Arrays.fill(data, null);
        System.arraycopy(layout.staticValues, 0, partition, 0, partition.length);
        for (int i = 0; i < targets.length; i++) {
            Column c = r.getColumn(i);
            if (targets[i] != null) {
                data[layout.dataIndex[i]] = values.convert(c, targets[i], layout.names.get(i));
            } else {
                int k = layout.partitionIndex[i];
                partition[k] = partitionValue(c, layout.names.get(i),
                        layout.partitionKeys.get(k).getTypeInfo().getOdpsType());
            }
        }
    }

    public int dataWidth() {
        return dataWidth;
    }

    private String partitionValue(Column c, String name, OdpsType type) throws DirtyValueException {
        if (c == null || c.getRawData() == null) {
            throw new DirtyValueException("partition column '" + name + "': NULL cannot be a partition value");
        }
        String v;
        switch (c.getType()) {
            case BYTES:
                v = new String((byte[]) c.getRawData(), StandardCharsets.UTF_8);
                break;
            case DATE: {
                LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli((Long) c.getRawData()), zone);
                v = t.toLocalTime().toSecondOfDay() == 0 && t.getNano() == 0 ? DAY.format(t) : SECOND.format(t);
                break;
            }
            case BOOL:
                v = ((Boolean) c.getRawData()) ? "true" : "false";
                break;
            default:
                v = c.getRawData().toString();
        }
        if (v.isEmpty()) {
            throw new DirtyValueException("partition column '" + name + "': an empty string cannot be a partition value");
        }
        if (v.length() > 128) {
            throw new DirtyValueException("partition column '" + name + "': value of " + v.length()
                    + " characters is longer than 128");
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch < 0x20 || ch == '/' || ch == '\\' || ch == '=' || ch == ',' || ch == '\'' || ch == '"') {
                throw new DirtyValueException("partition column '" + name + "': value '" + v
                        + "' contains a character partition values cannot hold (control characters, / \\ = , ' \")");
            }
        }
        if (type != OdpsType.STRING && type != OdpsType.VARCHAR && type != OdpsType.CHAR) {
            long l;
            try {
                l = Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw new DirtyValueException("partition column '" + name + "' (" + type + "): value '" + v
                        + "' is not an integer");
            }
            long min = type == OdpsType.TINYINT ? Byte.MIN_VALUE : type == OdpsType.SMALLINT ? Short.MIN_VALUE
                    : type == OdpsType.INT ? Integer.MIN_VALUE : Long.MIN_VALUE;
            long max = type == OdpsType.TINYINT ? Byte.MAX_VALUE : type == OdpsType.SMALLINT ? Short.MAX_VALUE
                    : type == OdpsType.INT ? Integer.MAX_VALUE : Long.MAX_VALUE;
            if (l < min || l > max) {
                throw new DirtyValueException("partition column '" + name + "' (" + type + "): value " + v
                        + " is out of range");
            }
            v = Long.toString(l);
        }
        return v;
    }
}
