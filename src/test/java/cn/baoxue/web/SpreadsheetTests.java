package cn.baoxue.web;

import cn.baoxue.testing.QuickTier;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Exported sheets read back with Apache POI, as Excel would open them: columns wide enough for an
 * 18-digit 身份证号 and a date (no {@code ####}), Chinese counted double, the header frozen and
 * filterable.
 */
@QuickTier
class SpreadsheetTests {

  private static final String ID = "530627201002250018";

  @Test
  void columnsFitTheirContentWithChineseCountedDoubleAndTheHeaderIsFrozen() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Spreadsheet sheet = Spreadsheet.to(out)) {
      sheet.sheet("辍学学生台账", List.of("姓名", "身份证号", "出生日期", "上报时间", "年级", "学校", "情况说明"));
      sheet.row("欧阳娜娜", ID, LocalDate.of(2010, 2, 25), LocalDateTime.of(2026, 9, 1, 8, 30), 6, "镇雄县尖山乡长安村小学",
          "孩子随父母在昆明务工，".repeat(20));
      sheet.row("王五", "530627********0018", LocalDate.of(2011, 12, 31), null, 5, "南台小学", null);
    }

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      XSSFSheet sheet = workbook.getSheet("辍学学生台账");
      assertThat(widthInCharacters(sheet, 1)).as("身份证号").isGreaterThanOrEqualTo(ID.length() + 1);
      assertThat(widthInCharacters(sheet, 2)).as("出生日期").isGreaterThanOrEqualTo("2010-02-25".length() + 1);
      assertThat(widthInCharacters(sheet, 3)).as("上报时间").isGreaterThanOrEqualTo("2026-09-01 08:30".length() + 1);
      // 11 CJK characters take 22 columns of Excel's default font.
      assertThat(widthInCharacters(sheet, 5)).as("学校").isGreaterThanOrEqualTo(22);
      assertThat(widthInCharacters(sheet, 4)).as("年级: the header's two characters, not 10").isBetween(6.0, 9.0);
      assertThat(widthInCharacters(sheet, 6)).as("long notes stop at the page").isEqualTo(Spreadsheet.MAX_WIDTH);

      PaneInformation pane = sheet.getPaneInformation();
      assertThat(pane).isNotNull();
      assertThat(pane.isFreezePane()).isTrue();
      assertThat((int) pane.getHorizontalSplitPosition()).as("rows above the split").isEqualTo(1);
      assertThat((int) pane.getVerticalSplitPosition()).as("no column frozen").isZero();
      assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:G3");

      DataFormatter excel = new DataFormatter();
      assertThat(excel.formatCellValue(sheet.getRow(1).getCell(1))).isEqualTo(ID);
      assertThat(excel.formatCellValue(sheet.getRow(1).getCell(2))).isEqualTo("2010-02-25");
    }
  }

  @Test
  void aLongExportIsFittedBeforeItsRowsStreamOutAndEverySheetGetsItsOwnWidths() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Spreadsheet sheet = Spreadsheet.to(out)) {
      sheet.sheet("在册儿童", List.of("身份证号", "出生日期"));
      for (int i = 0; i < 2500; i++) {
        sheet.row(ID, LocalDate.of(2012, 1, 1).plusDays(i));
      }
      sheet.sheet("按原因", List.of("辍学原因", "人数"));
      sheet.row("厌学", 3);
    }

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      XSSFSheet children = workbook.getSheetAt(0);
      assertThat(children.getLastRowNum()).isEqualTo(2500);
      assertThat(widthInCharacters(children, 0)).isGreaterThanOrEqualTo(ID.length() + 1);
      assertThat(children.getPaneInformation().isFreezePane()).isTrue();
      assertThat(children.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:B2501");
      XSSFSheet reasons = workbook.getSheetAt(1);
      assertThat(widthInCharacters(reasons, 0)).isBetween(10.0, 14.0);
      assertThat(reasons.getPaneInformation().isFreezePane()).isTrue();
    }
  }

  @Test
  void chineseAndFullWidthCharactersCountTwice() {
    assertThat(Spreadsheet.displayWidth("530627201002250018")).isEqualTo(18);
    assertThat(Spreadsheet.displayWidth("长安村小学")).isEqualTo(10);
    assertThat(Spreadsheet.displayWidth("（监护人）：")).isEqualTo(12);
    assertThat(Spreadsheet.displayWidth("第一行\n第二行较长")).isEqualTo(10);
  }

  /** POI gives widths in 1/256 of a character. */
  static double widthInCharacters(XSSFSheet sheet, int column) {
    return sheet.getColumnWidth(column) / 256.0;
  }
}
