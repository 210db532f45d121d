package cn.baoxue.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
    if (content.length == 0) {
      throw new UnreadableUploadException("上传的文件是空的");
    }
    byte[] head = Arrays.copyOf(content, Math.min(content.length, 8));
    if (ReadableWorkbook.isOLE2Header(head)) {
      throw new UnreadableUploadException("不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 .csv 后重新上传");
    }
    List<List<String>> rows = ReadableWorkbook.isOOXMLZipHeader(head)
        ? xlsxRows(content, maxRows, maxColumns)
        : csvRows(content, maxRows, maxColumns);
    return lines(rows, columnType, tableName, rowName);
  }

  private static <C extends Enum<C> & Column> List<Line<C>> lines(
      List<List<String>> rows, Class<C> columnType, String tableName, String rowName) {
    int headerIndex = 0;
    while (headerIndex < rows.size() && isBlank(rows.get(headerIndex))) {
      headerIndex++;
    }
    if (headerIndex == rows.size()) {
      throw new UnreadableUploadException("文件中没有任何内容");
    }
    Map<C, Integer> columns = columns(rows.get(headerIndex), columnType, tableName);
    List<Line<C>> lines = new ArrayList<>();
    for (int i = headerIndex + 1; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      if (isBlank(row)) {
        continue;
      }
      if (row.stream().anyMatch(value -> value != null && value.contains(EXAMPLE_MARK))) {
        throw new UnreadableUploadException("第" + (i + 1) + "行是模板中的示例行，请删除这一行后重新上传");
      }
      Map<C, String> values = new EnumMap<>(columnType);
      columns.forEach((column, index) -> values.put(column, index < row.size() ? row.get(index) : null));
      lines.add(new Line<>(i + 1, values));
    }
    if (lines.isEmpty()) {
      throw new UnreadableUploadException("文件只有表头，没有" + rowName + "数据");
    }
    return lines;
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

  private static List<List<String>> xlsxRows(byte[] content, int maxRows, int maxColumns) {
    XlsxInflationLimits.check(content);
    XlsxSheetSize.check(content, maxRows, maxColumns);
    List<List<String>> rows = new ArrayList<>();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content), WITH_FORMATS);
        Stream<Row> sheetRows = workbook.getFirstSheet().openStream()) {
      sheetRows.forEach(
          row -> {
            // Checked before the gap is filled: a row numbered far beyond the limit must not
            // make room for every row in between (XlsxSheetSize refuses it first anyway).
            if (row.getRowNum() > maxRows + 1L || rows.size() > maxRows) {
              throw new UnreadableUploadException("文件超过" + maxRows + "行，请分批导入");
            }
            // Excel skips empty rows in the file; keep line numbers as the uploader sees them.
            while (rows.size() < row.getRowNum() - 1) {
              rows.add(List.of());
            }
            if (row.getCellCount() > maxColumns) {
              throw new UnreadableUploadException("文件超过" + maxColumns + "列，请只保留模板中的列");
            }
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.getCellCount(); i++) {
              cells.add(text(row.getCell(i)));
            }
            rows.add(cells);
          });
    } catch (UnreadableUploadException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new UnreadableUploadException("无法读取该 Excel 文件：文件已损坏或不是 .xlsx 表格", e);
    }
    return rows;
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

  private static List<List<String>> csvRows(byte[] content, int maxRows, int maxColumns) {
    String text = csvText(content);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return Csv.parse(text, maxRows, maxColumns);
  }

  /**
   * A CSV file's text. Chinese Excel saves "CSV (逗号分隔)" in GBK (code page 936) and only
   * "CSV UTF-8" in UTF-8, with a BOM. Chinese text in GBK is practically never valid UTF-8, so a
   * strict UTF-8 decode tells them apart; what fails it is read as GB18030, GBK's superset.
   */
  static String csvText(byte[] content) {
    String text = strictly(content, StandardCharsets.UTF_8);
    if (text == null) {
      text = strictly(content, GB18030);
    }
    if (text == null || text.indexOf('\0') >= 0) {
      throw new UnreadableUploadException("文件既不是 .xlsx 表格，也不是 .csv 文本文件（UTF-8 或 GBK 编码），请在 Excel 中另存为 .xlsx 后重新上传");
    }
    return text;
  }

  private static final Charset GB18030 = Charset.forName("GB18030");

  private static String strictly(byte[] content, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
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
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
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
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
          if (rows.size() > maxRows + 1) {
            throw new UnreadableUploadException("文件超过" + maxRows + "行，请分批导入");
          }
        } else {
          field.append(c);
        }
        i++;
      }
      if (quoted) {
        throw new UnreadableUploadException("CSV 文件格式不正确：引号未闭合");
      }
      if (!field.isEmpty() || !row.isEmpty()) {
        row.add(field.toString());
        rows.add(row);
      }
      return rows;
    }
  }
}
