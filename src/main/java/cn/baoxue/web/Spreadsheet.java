package cn.baoxue.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes {@code .xlsx} downloads with fastexcel: rows stream to the response as they come, so a
 * ledger of tens of thousands of rows never sits in memory as a workbook.
 *
 * <p>Every sheet opens fit to print and to read: its header row frozen and filterable, each column
 * as wide as its header and the widest value of the first {@value #FITTED_ROWS} rows (a CJK
 * character counts twice, as Excel draws it), so 身份证号 and dates show in full instead of
 * {@code ####}. The widths go into the file before its first rows are streamed out, so later rows
 * cannot widen a column; ledgers' columns hold values of one shape, which the first rows show.
 */
public final class Spreadsheet implements AutoCloseable {

  public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Rows kept before the first flush; their widest values set the columns' widths. */
  static final int FITTED_ROWS = 1000;
  /** Excel's widths are in characters of its default font; a little room on either side. */
  private static final double PADDING = 2;
  private static final double MIN_WIDTH = 6;
  /** Wider columns (long notes) would push everything else off the printed page. */
  static final double MAX_WIDTH = 60;
  private static final String DATE_FORMAT = "yyyy-MM-dd";
  private static final String DATE_TIME_FORMAT = "yyyy-MM-dd HH:mm";

  private final Workbook workbook;
  private Worksheet sheet;
  private int row;
  private int columns;
  private double[] widths;
  private boolean widthsWritten;

  private Spreadsheet(OutputStream out) {
    this.workbook = new Workbook(out, "Baoxue", "1.0");
  }

  /** Starts an .xlsx download with a Chinese file name (RFC 6266 filename*). */
  public static Spreadsheet download(HttpServletResponse response, String fileName) throws IOException {
    response.setContentType(CONTENT_TYPE);
    String encoded = URLEncoder.encode(fileName + ".xlsx", StandardCharsets.UTF_8).replace("+", "%20");
    response.setHeader("Content-Disposition", "attachment; filename=\"export.xlsx\"; filename*=UTF-8''" + encoded);
    return new Spreadsheet(response.getOutputStream());
  }

  public static Spreadsheet to(OutputStream out) {
    return new Spreadsheet(out);
  }

  /** A new sheet whose first row is the bold Chinese header, frozen and with a filter. */
  public Spreadsheet sheet(String name, List<String> headers) {
    finishSheet();
    sheet = workbook.newWorksheet(name);
    row = 0;
    columns = headers.size();
    widths = new double[columns];
    widthsWritten = false;
    for (int c = 0; c < columns; c++) {
      sheet.value(0, c, headers.get(c));
      sheet.style(0, c).bold().fillColor("DDEBF7").set();
      // Bold text and the filter's drop-down button take about two characters more.
      fit(c, displayWidth(headers.get(c)) + 2);
    }
    sheet.freezePane(0, 1);
    return this;
  }

  public Spreadsheet row(Object... values) {
    return row(java.util.Arrays.asList(values));
  }

  public Spreadsheet row(List<?> values) {
    row++;
    for (int c = 0; c < values.size(); c++) {
      Object value = values.get(c);
      if (value == null) {
        continue;
      }
      if (value instanceof Number number) {
        sheet.value(row, c, number instanceof BigDecimal big ? big : number);
        fit(c, displayWidth(number instanceof BigDecimal big ? big.toPlainString() : String.valueOf(number)));
      } else if (value instanceof LocalDate date) {
        sheet.value(row, c, date);
        sheet.style(row, c).format(DATE_FORMAT).set();
        fit(c, DATE_FORMAT.length());
      } else if (value instanceof LocalDateTime time) {
        sheet.value(row, c, time);
        sheet.style(row, c).format(DATE_TIME_FORMAT).set();
        fit(c, DATE_TIME_FORMAT.length());
      } else {
        String text = String.valueOf(value);
        sheet.value(row, c, text);
        fit(c, displayWidth(text));
      }
    }
    if (row % FITTED_ROWS == 0) {
      try {
        writeWidths();
        sheet.flush();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return this;
  }

  /**
   * Formats cells of the given columns as text ({@code @}) from the second row to {@code lastRow}:
   * what is typed there later stays as typed, so an 18-digit 身份证号 or a code with leading
   * zeros is not turned into a number. For templates, whose rows people fill in.
   */
  public Spreadsheet textColumns(int lastRow, int... columnIndexes) {
    for (int c : columnIndexes) {
      for (int r = 1; r <= lastRow; r++) {
        sheet.style(r, c).format("@").set();
      }
    }
    return this;
  }

  /**
   * How many characters of Excel's default font a text takes: CJK and full-width characters
   * count twice. The longest line counts when the text has several.
   */
  static double displayWidth(String text) {
    double widest = 0;
    double width = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      if (codePoint == '\n') {
        widest = Math.max(widest, width);
        width = 0;
      } else {
        width += isWide(codePoint) ? 2 : 1;
      }
    }
    return Math.max(widest, width);
  }

  private static boolean isWide(int codePoint) {
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL
        || (codePoint >= 0x3000 && codePoint <= 0x303F) // CJK punctuation: 、。「」
        || (codePoint >= 0xFF01 && codePoint <= 0xFF60) // full-width forms: ，（）：
        || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6)
        || codePoint == 0x2014 || codePoint == 0x2026 || codePoint == 0x00B7; // —— …… ·
  }

  private void fit(int column, double characters) {
    if (!widthsWritten && column < columns) {
      widths[column] = Math.max(widths[column], characters);
    }
  }

  private void writeWidths() {
    if (sheet == null || widthsWritten) {
      return;
    }
    for (int c = 0; c < columns; c++) {
      sheet.width(c, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + PADDING)));
    }
    widthsWritten = true;
  }

  private void finishSheet() {
    if (sheet == null) {
      return;
    }
    writeWidths();
    if (columns > 0) {
      sheet.setAutoFilter(0, 0, Math.max(row, 1), columns - 1);
    }
  }

  @Override
  public void close() throws IOException {
    finishSheet();
    workbook.finish();
  }
}
