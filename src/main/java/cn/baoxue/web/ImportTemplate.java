package cn.baoxue.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The downloadable template of an import (导入模板): a sheet with the header row the import reads
 * and one example row, and a second sheet 「代码表」 with what each coded column accepts, in
 * Chinese, and the codes of the user's own units with their names. Columns holding numbers that are
 * not quantities (身份证号, unit codes, phone numbers) are formatted as text, so that Excel keeps
 * what is typed into them digit for digit.
 */
public final class ImportTemplate {

  /** The name of the second sheet. */
  public static final String CODE_SHEET = "代码表";
  /** Headers of the code sheet. */
  static final List<String> CODE_HEADERS = List.of("列名", "可填写的值", "含义");
  /** Rows of the first sheet formatted as text for people to fill in. */
  static final int TEXT_ROWS = 500;

  /** One accepted value of a column: what to type and what it means. */
  public record Code(String column, String value, String meaning) {}

  private final String sheetName;
  private final List<String> headers;
  private final List<Object> example;
  private final List<String> textColumns = new ArrayList<>();
  private final List<Code> codes = new ArrayList<>();

  private ImportTemplate(String sheetName, List<String> headers, List<?> example) {
    this.sheetName = sheetName;
    this.headers = List.copyOf(headers);
    this.example = new ArrayList<>(example);
  }

  /**
   * A template whose first sheet is named {@code sheetName}, with these headers and one example
   * row. The example row carries {@link UploadedTable#EXAMPLE_MARK} in its first text column, so a
   * template uploaded unchanged is refused instead of importing a made-up person.
   */
  public static ImportTemplate of(String sheetName, List<String> headers, List<?> example) {
    return new ImportTemplate(sheetName, headers, example);
  }

  /** Columns (by header) whose cells are text, not numbers. */
  public ImportTemplate textColumns(String... columnHeaders) {
    textColumns.addAll(List.of(columnHeaders));
    return this;
  }

  public ImportTemplate code(String column, String value, String meaning) {
    codes.add(new Code(column, value, meaning));
    return this;
  }

  public ImportTemplate codes(List<Code> more) {
    codes.addAll(more);
    return this;
  }

  /** Sends the template as an .xlsx download named {@code fileName}.xlsx. */
  public void download(HttpServletResponse response, String fileName) throws IOException {
    try (Spreadsheet sheet = Spreadsheet.download(response, fileName)) {
      write(sheet);
    }
  }

  public void writeTo(OutputStream out) throws IOException {
    try (Spreadsheet sheet = Spreadsheet.to(out)) {
      write(sheet);
    }
  }

  private void write(Spreadsheet sheet) {
    sheet.sheet(sheetName, headers);
    sheet.row(example);
    sheet.textColumns(TEXT_ROWS, textColumns.stream().mapToInt(headers::indexOf).filter(i -> i >= 0).toArray());
    sheet.sheet(CODE_SHEET, CODE_HEADERS);
    for (Code code : codes) {
      sheet.row(code.column(), code.value(), code.meaning());
    }
  }
}
