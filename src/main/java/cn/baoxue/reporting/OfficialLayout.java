package cn.baoxue.reporting;

import cn.baoxue.documents.ChinesePdf;
import cn.baoxue.org.Roles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

/**
 * The official layouts (报表样式) of the 月报, 季报, 学期报告 and 年度报告 as counties file them: the
 * title, the unit (with room for its seal, 盖章) and period, the table of figures — counted and
 * submitted side by side, with each correction's reason — the lower units' submissions for an upper
 * level, and the lines of 填报人, 审核人 and 负责人 with their dates. Drawn from the submitted report
 * only, with its SHA-256 printed so that a paper copy can be checked against the audit chain.
 */
@Component
public class OfficialLayout {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  static final List<String> HEADER = List.of("序号", "项目", "系统统计数", "报送数", "更正原因");

  private final ChinesePdf pdf;
  private final Roles roles;

  OfficialLayout(ChinesePdf pdf, Roles roles) {
    this.pdf = pdf;
    this.roles = roles;
  }

  /** The layout's lines above the table. */
  record Heading(String title, String unitLine, String periodLine) {}

  Heading heading(UnitReport report) {
    return new Heading(report.level().title(), "填报单位（盖章）：" + report.unitName(),
        "报告期：" + report.period().label() + "（" + report.period().from() + " 至 " + report.period().to() + "）");
  }

  /** The table's rows, header first. */
  List<List<String>> table(UnitReport report) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    int n = 1;
    for (ReportFigure figure : ReportFigure.values()) {
      Long counted = report.computed().get(figure.key());
      Long submitted = report.submitted().get(figure.key());
      rows.add(List.of(String.valueOf(n++), figure.label(), text(counted), text(submitted),
          report.corrections().getOrDefault(figure.key(), "")));
    }
    return rows;
  }

  List<String> notes(UnitReport report, List<UnitReports.MissingUnit> missing, int unitsBelow) {
    List<String> notes = new ArrayList<>();
    notes.add("零报告（本期无辍学）：" + (report.zeroReport() ? "是" : "否"));
    if (report.level().below().isPresent()) {
      notes.add("下级单位报送情况：应报 " + unitsBelow + " 个，已全部报送 " + (unitsBelow - missing.size()) + " 个"
          + (missing.isEmpty() ? "。" : "；未报送：" + String.join("、", missing.stream()
              .map(m -> m.name() + "（" + String.join("、", m.periods()) + "）").toList()) + "。"));
    }
    notes.add("备注：" + (report.remarks() == null ? "无" : report.remarks()));
    return notes;
  }

  String submitterLine(UnitReport report) {
    return "填报人：" + roles.name(report.submittedBy()) + "　　填报日期：" + report.submittedAt().format(DAY);
  }

  /** When it was submitted, and the hash the audit chain holds, so that a paper copy can be checked. */
  List<String> hashLines(UnitReport report) {
    return List.of("报送时间（北京时间）：" + report.submittedAt().format(TIME), "校验码（SHA-256）：" + report.sha256());
  }

  /** The PDF: A4, the CJK font embedded. */
  public byte[] pdf(UnitReport report, List<UnitReports.MissingUnit> missing, int unitsBelow) {
    requireSubmitted(report);
    Heading heading = heading(report);
    return pdf.render(page -> {
      page.title(heading.title());
      page.line(heading.unitLine());
      page.line(heading.periodLine());
      page.table(new float[] {0.8f, 4, 1.6f, 1.6f, 4}, table(report));
      notes(report, missing, unitsBelow).forEach(page::line);
      page.line(submitterLine(report));
      page.signatureLines("审核人", "负责人");
      page.signature("", "（单位盖章）", "年　　月　　日");
      hashLines(report).forEach(page::line);
    });
  }

  /** The .xlsx: the same layout on one printable sheet (merged title, bordered table). */
  public byte[] xlsx(UnitReport report, List<UnitReports.MissingUnit> missing, int unitsBelow) {
    requireSubmitted(report);
    Heading heading = heading(report);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "Baoxue", "1.0");
      Worksheet sheet = workbook.newWorksheet(report.period().kind().label());
      int[] widths = {6, 28, 12, 10, 40};
      for (int c = 0; c < widths.length; c++) {
        sheet.width(c, widths[c]);
      }
      int row = 0;
      sheet.value(row, 0, heading.title());
      sheet.range(row, 0, row, 4).merge();
      sheet.range(row, 0, row, 4).style().bold().fontSize(16).horizontalAlignment("center").set();
      row++;
      sheet.value(row, 0, heading.unitLine());
      sheet.range(row, 0, row, 4).merge();
      row++;
      sheet.value(row, 0, heading.periodLine());
      sheet.range(row, 0, row, 4).merge();
      row += 2;
      int tableStart = row;
      for (List<String> cells : table(report)) {
        for (int c = 0; c < cells.size(); c++) {
          String cell = cells.get(c);
          if (row > tableStart && (c == 2 || c == 3) && cell.matches("\\d+")) {
            sheet.value(row, c, Long.parseLong(cell));
          } else {
            sheet.value(row, c, cell);
          }
        }
        row++;
      }
      sheet.range(tableStart, 0, row - 1, 4).style().borderStyle("thin").wrapText(true).set();
      sheet.range(tableStart, 0, tableStart, 4).style().bold().fillColor("DDEBF7").borderStyle("thin").set();
      row++;
      for (String note : notes(report, missing, unitsBelow)) {
        sheet.value(row, 0, note);
        sheet.range(row, 0, row, 4).merge();
        row++;
      }
      row++;
      sheet.value(row++, 0, submitterLine(report));
      sheet.value(row++, 0, "审核人：" + ChinesePdf.BLANK_NAME + "　　日期：" + ChinesePdf.BLANK_DATE);
      sheet.value(row++, 0, "负责人：" + ChinesePdf.BLANK_NAME + "　　日期：" + ChinesePdf.BLANK_DATE);
      row++;
      sheet.value(row, 4, "（单位盖章）");
      row += 3;
      for (String line : hashLines(report)) {
        sheet.value(row++, 0, line);
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The file name: 长安村小学2026年4月控辍保学工作月报表. */
  public static String fileName(UnitReport report) {
    return report.unitName() + report.period().label() + report.level().title();
  }

  private static void requireSubmitted(UnitReport report) {
    if (!report.isSubmitted()) {
      throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.CONFLICT,
          report.unitName() + report.period().label() + "的报表尚未报送，报送后才能打印正式报表");
    }
  }

  private static String text(Long value) {
    return value == null ? "" : String.valueOf(value);
  }
}
