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
 */
public final class Spreadsheet implements AutoCloseable {

  public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final Workbook workbook;
  private Worksheet sheet;
  private int row;

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

  /** A new sheet whose first row is the bold Chinese header. */
  public Spreadsheet sheet(String name, List<String> headers) {
    sheet = workbook.newWorksheet(name);
    row = 0;
    for (int c = 0; c < headers.size(); c++) {
      sheet.value(0, c, headers.get(c));
      sheet.style(0, c).bold().fillColor("DDEBF7").set();
      sheet.width(c, Math.max(10, headers.get(c).length() * 2.5));
    }
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
      } else if (value instanceof LocalDate date) {
        sheet.value(row, c, date);
        sheet.style(row, c).format("yyyy-MM-dd").set();
      } else if (value instanceof LocalDateTime time) {
        sheet.value(row, c, time);
        sheet.style(row, c).format("yyyy-MM-dd HH:mm").set();
      } else {
        sheet.value(row, c, String.valueOf(value));
      }
    }
    if (row % 1000 == 0) {
      try {
        sheet.flush();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return this;
  }

  @Override
  public void close() throws IOException {
    workbook.finish();
  }
}
