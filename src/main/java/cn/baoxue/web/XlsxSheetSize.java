package cn.baoxue.web;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The rows and columns an .xlsx declares, checked before any workbook model is built. A sheet
 * names its cells: {@code <dimension ref="A1:XFD1048576">}, {@code <row r="2000000000">},
 * {@code <c r="XFD2">}; a reader that makes room for what is named (or a table that keeps every
 * row up to the last one named) runs out of memory on a 2 KB file. So every XML part is streamed
 * once (StAX, no DTD, no entities) and a file naming a row or a column beyond what one import
 * takes is refused; rows and cells without a reference count on from the previous one, as Excel
 * reads them. Every part is read, not only the first sheet's: which part is "the first sheet" is
 * itself up to the file.
 */
final class XlsxSheetSize {

  private static final XMLInputFactory XML = XMLInputFactory.newDefaultFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  /** Excel's own last column (XFD); a reference beyond it is no cell at all. */
  private static final int EXCEL_MAX_COLUMNS = 16_384;

  private final int maxRowNumber;
  private final int maxRows;
  private final int maxColumns;

  private XlsxSheetSize(int maxRows, int maxColumns) {
    this.maxRows = maxRows;
    // The header takes row 1, the data rows follow it.
    this.maxRowNumber = maxRows + 1;
    this.maxColumns = maxColumns;
  }

  /** Refuses a file declaring more than a header and maxRows data rows, or more than maxColumns columns. */
  static void check(byte[] content, int maxRows, int maxColumns) {
    new XlsxSheetSize(maxRows, maxColumns).check(content);
  }

  private void check(byte[] content) {
    try (XlsxParts parts = XlsxParts.open(content)) {
      ZipFile zip = parts.zip();
      for (ZipEntry entry : Collections.list(zip.entries())) {
        try (InputStream part = new BufferedInputStream(zip.getInputStream(entry))) {
          if (looksLikeXml(part)) {
            scan(part);
          }
        }
      }
    } catch (IOException | XMLStreamException e) {
      throw new UnreadableUploadException("无法读取该 Excel 文件：文件已损坏或不是 .xlsx 表格", e);
    }
  }

  /** XML starts with "<", a byte-order mark or UTF-16's zero byte (after blanks); images and binaries do not. */
  private static boolean looksLikeXml(InputStream part) throws IOException {
    part.mark(1024);
    try {
      for (int i = 0; i < 1024; i++) {
        int b = part.read();
        if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
          continue;
        }
        return b == '<' || b == 0 || b == 0xEF || b == 0xFE || b == 0xFF;
      }
      return false;
    } finally {
      part.reset();
    }
  }

  private void scan(InputStream part) throws XMLStreamException {
    XMLStreamReader xml = XML.createXMLStreamReader(part);
    try {
      boolean inSheetData = false;
      boolean inRow = false;
      long rows = 0;
      long rowNumber = 0;
      long column = 0;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = xml.getLocalName();
          if (name.equals("dimension")) {
            dimension(xml.getAttributeValue(null, "ref"));
          } else if (name.equals("sheetData")) {
            inSheetData = true;
          } else if (inSheetData && !inRow && name.equals("row")) {
            inRow = true;
            rows++;
            String r = xml.getAttributeValue(null, "r");
            rowNumber = r == null ? rowNumber + 1 : number(r);
            column = 0;
            checkRow(Math.max(rows, rowNumber));
          } else if (inRow && name.equals("c")) {
            String r = xml.getAttributeValue(null, "r");
            if (r == null) {
              column++;
            } else {
              CellReference cell = CellReference.parse(r);
              column = cell.column();
              if (cell.row() > 0) {
                checkRow(cell.row());
              }
            }
            checkColumn(column);
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String name = xml.getLocalName();
          if (name.equals("sheetData")) {
            inSheetData = false;
            inRow = false;
          } else if (inRow && name.equals("row")) {
            inRow = false;
          }
        }
      }
    } finally {
      xml.close();
    }
  }

  /** "A1:L101", or one cell "A1": the last row and column count. */
  private void dimension(String ref) {
    if (ref == null || ref.isBlank()) {
      return;
    }
    for (String corner : ref.trim().split(":", -1)) {
      CellReference cell = CellReference.parse(corner);
      checkRow(cell.row());
      checkColumn(cell.column());
    }
  }

  private void checkRow(long row) {
    if (row > maxRowNumber) {
      throw new UnreadableUploadException("文件声明了第" + row + "行，超过一次导入的上限（表头外最多" + maxRows
          + "行）；请删除多余的行（包括空行和只有格式的行）后重新上传，或分批导入");
    }
  }

  private void checkColumn(long column) {
    if (column > maxColumns) {
      throw new UnreadableUploadException("文件声明了第" + column + "列，超过一次导入的上限（最多" + maxColumns
          + "列）；请只保留模板中的列后重新上传");
    }
  }

  /** A positive decimal row number; absurd lengths are read as "too many", not parsed. */
  private static long number(String digits) {
    String text = digits.trim();
    if (text.isEmpty() || text.length() > 12 || !text.chars().allMatch(Character::isDigit)) {
      throw corrupt();
    }
    return Long.parseLong(text);
  }

  private static UnreadableUploadException corrupt() {
    return new UnreadableUploadException("无法读取该 Excel 文件：文件已损坏或不是 .xlsx 表格");
  }

  /** "XFD2", "$A$1", or a whole column "L" / row "101" as dimension refs may be written; 0 for a part left out. */
  private record CellReference(long column, long row) {

    static CellReference parse(String reference) {
      String text = reference.trim().replace("$", "");
      int i = 0;
      long column = 0;
      while (i < text.length() && Character.isLetter(text.charAt(i))) {
        char letter = Character.toUpperCase(text.charAt(i));
        if (letter < 'A' || letter > 'Z' || i >= 3) {
          throw corrupt();
        }
        column = column * 26 + (letter - 'A' + 1);
        i++;
      }
      if (column > EXCEL_MAX_COLUMNS) {
        throw corrupt();
      }
      long row = i < text.length() ? number(text.substring(i)) : 0;
      if (column == 0 && row == 0) {
        throw corrupt();
      }
      return new CellReference(column, row);
    }
  }
}
