package cn.baoxue.web;

import cn.baoxue.testing.QuickTier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Uploaded tables as Chinese offices save them, read without a database. */
@QuickTier
class UploadedTableTests {

  enum Column implements UploadedTable.Column {
    NAME("姓名"),
    ID("身份证号");

    private final String header;

    Column(String header) {
      this.header = header;
    }

    @Override
    public String header() {
      return header;
    }

    @Override
    public boolean required() {
      return true;
    }
  }

  private static final String CSV = "姓名,身份证号\r\n王䶮,530627201602250026\r\n欧阳娜娜,\"5306272016\"\r\n";

  @Test
  void csvIsReadAsUtf8WithOrWithoutBomOrElseAsGb18030() {
    for (byte[] bytes : List.of(CSV.getBytes(StandardCharsets.UTF_8), ("\uFEFF" + CSV).getBytes(StandardCharsets.UTF_8),
        CSV.getBytes(Charset.forName("GB18030")))) {
      List<UploadedTable.Line<Column>> lines = read(bytes);
      // 䶮 is in GB18030 but not in GBK: a name that only the superset can carry.
      assertThat(lines).extracting(line -> line.get(Column.NAME)).containsExactly("王䶮", "欧阳娜娜");
      assertThat(lines.get(0).lineNumber()).isEqualTo(2);
    }
    assertThat(read(CSV.replace("䶮", "岩").getBytes(Charset.forName("GBK"))).get(0).get(Column.NAME)).isEqualTo("王岩");
  }

  @Test
  void binaryThatIsNeitherTextNorAWorkbookIsRefused() {
    byte[] binary = {'P', 'N', 'G', 0, 0, 0, (byte) 0xff, (byte) 0xfe};
    assertThatThrownBy(() -> read(binary)).isInstanceOf(UnreadableUploadException.class)
        .hasMessageContaining("既不是 .xlsx 表格，也不是 .csv 文本文件");
  }

  @Test
  void aNumberOfMoreDigitsThanExcelKeepsReadsAsExcelShowsItAndShorterNumbersAsTheirDigits() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      XSSFSheet sheet = book.createSheet();
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("姓名");
      header.createCell(1).setCellValue("身份证号");
      Row id = sheet.createRow(1);
      id.createCell(0).setCellValue("数字");
      id.createCell(1).setCellValue(530627201602250026d);
      Row code = sheet.createRow(2);
      code.createCell(0).setCellValue("代码");
      code.createCell(1).setCellValue(530627205201d);
      book.write(out);
    }
    List<UploadedTable.Line<Column>> lines = read(out.toByteArray());
    assertThat(lines.get(0).get(Column.ID)).isEqualTo("5.3062720160225E+17");
    assertThat(lines.get(1).get(Column.ID)).isEqualTo("530627205201");
  }

  @Test
  void theTemplatesExampleRowIsRefused() {
    byte[] csv = ("姓名,身份证号\r\n张三" + UploadedTable.EXAMPLE_MARK + ",530627201602250026\r\n").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(csv)).isInstanceOf(UnreadableUploadException.class)
        .hasMessage("第2行是模板中的示例行，请删除这一行后重新上传");
  }

  private static List<UploadedTable.Line<Column>> read(byte[] bytes) {
    return UploadedTable.read(bytes, 100, Column.class, "花名册", "学生");
  }
}
