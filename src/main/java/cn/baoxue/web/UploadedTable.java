package cn.baoxue.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads an uploaded table, {@code .xlsx} or {@code .csv} (UTF-8 or GBK), into its data rows: the roster
 * (花名册), the org units and the staff accounts all arrive this way. The kind is told by the
 * content, not the file name: people rename files. The first non-empty row is the header;
 * columns are found by their Chinese headers, in any order.
 */
public final class UploadedTable {

  /** A column of an upload, known by its Chinese header. */
  public interface Column {
    String header();

    boolean required();
  }

  /** One data row as typed, with its line number as the uploader sees it. */
  public record Line<C extends Enum<C>>(int lineNumber, Map<C, String> values) {

    /** The trimmed value, or null for an empty cell. */
    public String get(C column) {
      String value = values.get(column);
      return value == null || value.isBlank() ? null : value.trim();
    }
  }

  /**
   * What marks the example row of a template ({@link ImportTemplate}): a file that still has it is
   * refused, since the row describes nobody.
   */
  public static final String EXAMPLE_MARK = "（示例，导入前请删除此行）";

  /** Cell formats tell a date typed into Excel from a number. */
  private static final ReadingOptions WITH_FORMATS = new ReadingOptions(true, false);

  /** Columns of one upload when the caller names no limit (baoxue.imports.max-columns). */
  public static final int DEFAULT_MAX_COLUMNS = 50;

  private UploadedTable() {}

  /** The data rows of an upload of at most {@link #DEFAULT_MAX_COLUMNS} columns. */
  public static <C extends Enum<C> & Column> List<Line<C>> read(
      byte[] content, int maxRows, Class<C> columnType, String tableName, String rowName) {
    return read(content, maxRows, DEFAULT_MAX_COLUMNS, columnType, tableName, rowName);
  }

  /**
   * The data rows of an upload. The file is refused before it is read when it declares more rows
   * or columns than these (see {@link XlsxSheetSize}), not only when it has more bytes.
   *
   * @param tableName what the file is, for messages: "花名册"
   * @param rowName what a row holds, for messages: "学生"
   */
  public static <C extends Enum<C> & Column> List<Line<C>> read(
      byte[] content, int maxRows, int maxColumns, Class<C> columnType, String tableName, String rowName) {
    List<Line<C>> lines = new ArrayList<>();
    forEachLine(content, maxRows, maxColumns, columnType, tableName, rowName, lines::add);
    return lines;
  }

  /**
   * The data rows of an upload handed one at a time to {@code each} as they are read, for files
   * too large to hold as rows (a county's 户籍 registry): besides the file's bytes only the row
   * being read is in memory. The same rules as {@link #read}; a refusal may come after rows were
   * handed over, so the caller writes them where one transaction can take them back. What
   * {@code each} throws reaches the caller unchanged.
   *
   * @return the number of data rows
   */
  public static <C extends Enum<C> & Column> int forEachLine(byte[] content, int maxRows, int maxColumns,
      Class<C> columnType, String tableName, String rowName, Consumer<Line<C>> each) {
    if (content.length == 0) {
      throw new UnreadableUploadException("上传的文件是空的");
    }
    byte[] head = Arrays.copyOf(content, Math.min(content.length, 8));
    if (ReadableWorkbook.isOLE2Header(head)) {
      throw new UnreadableUploadException("不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 .csv 后重新上传");
    }
    LineReader<C> lines = new LineReader<>(columnType, tableName, each);
    try {
      if (ReadableWorkbook.isOOXMLZipHeader(head)) {
        xlsxRows(content, maxRows, maxColumns, lines);
      } else {
        csvRows(content, maxRows, maxColumns, lines);
      }
    } catch (ConsumerFailure failure) {
      throw failure.getCause();
    }
    return lines.finish(rowName);
  }

  /** What the caller's row consumer threw, carried past the readers' own error handling. */
  private static final class ConsumerFailure extends RuntimeException {
    ConsumerFailure(RuntimeException cause) {
      super(cause);
    }

    @Override
    public synchronized RuntimeException getCause() {
      return (RuntimeException) super.getCause();
    }
  }

  /** Raw rows, numbered as the uploader sees them, become lines: the first non-empty row is the header. */
  private static final class LineReader<C extends Enum<C> & Column> {
    private final Class<C> columnType;
    private final String tableName;
    private final Consumer<Line<C>> each;
    private Map<C, Integer> columns;
    private int count;

    LineReader(Class<C> columnType, String tableName, Consumer<Line<C>> each) {
      this.columnType = columnType;
      this.tableName = tableName;
      this.each = each;
    }

    void row(int lineNumber, List<String> row) {
      if (isBlank(row)) {
        return;
      }
      if (columns == null) {
        columns = columns(row, columnType, tableName);
        return;
      }
      if (row.stream().anyMatch(value -> value != null && value.contains(EXAMPLE_MARK))) {
        throw new UnreadableUploadException("第" + lineNumber + "行是模板中的示例行，请删除这一行后重新上传");
      }
      Map<C, String> values = new EnumMap<>(columnType);
      columns.forEach((column, index) -> values.put(column, index < row.size() ? row.get(index) : null));
      count++;
      try {
        each.accept(new Line<>(lineNumber, values));
      } catch (RuntimeException e) {
        throw new ConsumerFailure(e);
      }
    }

    int finish(String rowName) {
      if (columns == null) {
        throw new UnreadableUploadException("文件中没有任何内容");
      }
      if (count == 0) {
        throw new UnreadableUploadException("文件只有表头，没有" + rowName + "数据");
      }
      return count;
    }
  }

  private static <C extends Enum<C> & Column> Map<C, Integer> columns(
      List<String> header, Class<C> columnType, String tableName) {
    Map<C, Integer> columns = new EnumMap<>(columnType);
    for (int i = 0; i < header.size(); i++) {
      String title = header.get(i) == null ? "" : header.get(i).replace("\uFEFF", "").trim();
      for (C column : columnType.getEnumConstants()) {
        if (column.header().equals(title)) {
          columns.putIfAbsent(column, i);
        }
      }
    }
    List<String> missing =
        Arrays.stream(columnType.getEnumConstants())
            .filter(column -> column.required() && !columns.containsKey(column))
            .map(Column::header)
            .toList();
    if (!missing.isEmpty()) {
      throw new UnreadableUploadException(
          "文件第一行不是" + tableName + "表头，缺少列：" + String.join("、", missing) + "（请使用" + tableName + "模板）");
    }
    return columns;
  }

  private static void xlsxRows(byte[] content, int maxRows, int maxColumns, LineReader<?> lines) {
    XlsxInflationLimits.check(content);
    XlsxSheetSize.check(content, maxRows, maxColumns);
    int[] rowsRead = {0};
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content), WITH_FORMATS);
        Stream<Row> sheetRows = workbook.getFirstSheet().openStream()) {
      sheetRows.forEach(
          row -> {
            // Excel skips empty rows in the file; its row numbers are the lines the uploader sees.
            if (row.getRowNum() > maxRows + 1L || ++rowsRead[0] > maxRows + 1) {
              throw new UnreadableUploadException("文件超过" + maxRows + "行，请分批导入");
            }
            if (row.getCellCount() > maxColumns) {
              throw new UnreadableUploadException("文件超过" + maxColumns + "列，请只保留模板中的列");
            }
            List<String> cells = new ArrayList<>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
              cells.add(text(row.getCell(i)));
            }
            lines.row(row.getRowNum(), cells);
          });
    } catch (UnreadableUploadException | ConsumerFailure e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new UnreadableUploadException("无法读取该 Excel 文件：文件已损坏或不是 .xlsx 表格", e);
    }
  }

  private static String text(Cell cell) {
    if (cell == null) {
      return null;
    }
    return switch (cell.getType()) {
      case NUMBER -> isDateFormat(cell) ? cell.asDate().toLocalDate().toString() : plain(cell.asNumber());
      case EMPTY -> null;
      case STRING, BOOLEAN, FORMULA, ERROR -> cell.getText();
    };
  }

  /**
   * Excel's built-in date formats: 14–22 everywhere, 27–36 and 50–58 in Chinese Excel (2016年2月25日
   * and the like), which files do not spell out in their styles.
   */
  private static boolean isDateFormat(Cell cell) {
    String format = cell.getDataFormatString();
    Integer id = cell.getDataFormatId();
    if (id != null && ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))) {
      return true;
    }
    return format != null && format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").matches("(?i).*[ymd].*");
  }

  /** Digits Excel keeps of a number; a cell never holds more. */
  private static final int EXCEL_DIGITS = 15;

  /**
   * A number as its digits. One of more than 15 digits (an ID number typed into a General cell)
   * has lost its last ones: it is written as Excel shows it, 5.30627201002251E+17, so that the
   * column's rule can say why instead of reading made-up zeros as digits.
   */
  private static String plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    if (stripped.precision() - stripped.scale() > EXCEL_DIGITS) {
      return stripped.round(new MathContext(EXCEL_DIGITS)).stripTrailingZeros().toString();
    }
    return stripped.toPlainString();
  }

  private static void csvRows(byte[] content, int maxRows, int maxColumns, LineReader<?> lines) {
    Charset charset = csvCharset(content);
    try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), charset)) {
      Csv.parse(reader, maxRows, maxColumns, lines::row);
    } catch (IOException e) {
      throw new UnreadableUploadException("CSV 文件无法读取", e);
    }
  }

  private static final String NOT_A_TABLE =
      "文件既不是 .xlsx 表格，也不是 .csv 文本文件（UTF-8 或 GBK 编码），请在 Excel 中另存为 .xlsx 后重新上传";

  /**
   * A CSV file's encoding. Chinese Excel saves "CSV (逗号分隔)" in GBK (code page 936) and only
   * "CSV UTF-8" in UTF-8, with a BOM. Chinese text in GBK is practically never valid UTF-8, so a
   * strict UTF-8 decode tells them apart; what fails it is read as GB18030, GBK's superset. The
   * decode runs through a small buffer: a registry of 300,000 rows is never held as one string.
   */
  static Charset csvCharset(byte[] content) {
    if (decodesStrictly(content, StandardCharsets.UTF_8)) {
      return StandardCharsets.UTF_8;
    }
    if (decodesStrictly(content, GB18030)) {
      return GB18030;
    }
    throw new UnreadableUploadException(NOT_A_TABLE);
  }

  private static final Charset GB18030 = Charset.forName("GB18030");

  private static boolean decodesStrictly(byte[] content, Charset charset) {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return false;
      }
      out.clear();
      if (result.isUnderflow()) {
        break;
      }
    }
    while (true) {
      CoderResult result = decoder.flush(out);
      out.clear();
      if (result.isUnderflow()) {
        return true;
      }
    }
  }

  private static boolean isBlank(List<String> row) {
    return row.stream().allMatch(value -> value == null || value.isBlank());
  }

  /** RFC 4180 CSV: commas, double-quoted fields with "" for a quote, CRLF or LF line ends. */
  static final class Csv {

    private Csv() {}

    /** Rows and fields are counted as they are read: a file over either limit is refused at once. */
    static List<List<String>> parse(String text, int maxRows, int maxColumns) {
      List<List<String>> rows = new ArrayList<>();
      try {
        parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text), maxRows, maxColumns,
            (line, row) -> {
              while (rows.size() < line - 1) {
                rows.add(List.of());
              }
              rows.add(row);
            });
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return rows;
    }

    /** Each row handed over with its line number (1 for the first), as it is read; a leading BOM is skipped. */
    static void parse(Reader text, int maxRows, int maxColumns, BiConsumer<Integer, List<String>> each)
        throws IOException {
      Reader in = text instanceof BufferedReader ? text : new BufferedReader(text, 65536);
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      int line = 0;
      int c = in.read();
      if (c == '\uFEFF') {
        c = in.read();
      }
      while (c != -1) {
        int next = -2;
        if (c == 0) {
          throw new UnreadableUploadException(NOT_A_TABLE);
        }
        if (quoted) {
          if (c == '"') {
            next = in.read();
            if (next == '"') {
              field.append('"');
              next = -2;
            } else {
              quoted = false;
            }
          } else {
            field.append((char) c);
          }
        } else if (c == '"' && field.isEmpty()) {
          quoted = true;
        } else if (c == ',') {
          row.add(field.toString());
          field.setLength(0);
          if (row.size() >= maxColumns) {
            throw new UnreadableUploadException("文件超过" + maxColumns + "列，请只保留模板中的列");
          }
        } else if (c == '\n' || c == '\r') {
          if (c == '\r') {
            next = in.read();
            if (next == '\n') {
              next = -2;
            }
          }
          row.add(field.toString());
          field.setLength(0);
          if (++line > maxRows + 1) {
            throw new UnreadableUploadException("文件超过" + maxRows + "行，请分批导入");
          }
          each.accept(line, row);
          row = new ArrayList<>();
        } else {
          field.append((char) c);
        }
        c = next == -2 ? in.read() : next;
      }
      if (quoted) {
        throw new UnreadableUploadException("CSV 文件格式不正确：引号未闭合");
      }
      if (!field.isEmpty() || !row.isEmpty()) {
        row.add(field.toString());
        each.accept(++line, row);
      }
    }
  }
}
