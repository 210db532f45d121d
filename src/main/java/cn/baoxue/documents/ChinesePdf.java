package cn.baoxue.documents;

import com.lowagie.text.Document;
import java.awt.Color;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * A4 documents in Chinese: the first configured CJK font that exists is embedded as a subset, so
 * the PDF prints the same on any machine without Chinese fonts.
 */
@Component
public class ChinesePdf {

  /** Where a name is written by hand. */
  public static final String BLANK_NAME = "＿＿＿＿＿＿＿＿";
  /** Where a date is written by hand. */
  public static final String BLANK_DATE = "＿＿＿＿年＿＿月＿＿日";
  private static final Color LABEL_GREY = new Color(0xEE, 0xF1, 0xF5);

  private final List<String> fontCandidates;
  private BaseFont baseFont;

  public ChinesePdf(DocumentProperties properties) {
    this.fontCandidates = properties.fonts();
  }

  /** The building blocks a document is written with. */
  public final class Page {
    private final Document document;

    private Page(Document document) {
      this.document = document;
    }

    public void title(String text) {
      Paragraph title = new Paragraph(text, font(18, Font.BOLD));
      title.setAlignment(Element.ALIGN_CENTER);
      title.setSpacingAfter(14);
      add(title);
    }

    public void centered(String text) {
      Paragraph paragraph = new Paragraph(text, font(11, Font.NORMAL));
      paragraph.setAlignment(Element.ALIGN_CENTER);
      paragraph.setSpacingAfter(10);
      add(paragraph);
    }

    public void paragraph(String text) {
      Paragraph paragraph = new Paragraph(text, font(12, Font.NORMAL));
      paragraph.setLeading(22);
      paragraph.setFirstLineIndent(24);
      paragraph.setSpacingAfter(6);
      add(paragraph);
    }

    public void line(String text) {
      Paragraph paragraph = new Paragraph(text, font(12, Font.NORMAL));
      paragraph.setLeading(22);
      add(paragraph);
    }

    public void signature(String... lines) {
      for (String text : lines) {
        Paragraph paragraph = new Paragraph(text, font(12, Font.NORMAL));
        paragraph.setAlignment(Element.ALIGN_RIGHT);
        paragraph.setLeading(22);
        add(paragraph);
      }
    }

    /** A bordered table; the first row is the header. */
    public void table(float[] widths, List<List<String>> rows) {
      PdfPTable table = new PdfPTable(widths);
      table.setWidthPercentage(100);
      table.setSpacingBefore(6);
      table.setSpacingAfter(10);
      // A table longer than the page repeats its header on the next.
      table.setHeaderRows(1);
      for (int r = 0; r < rows.size(); r++) {
        for (String cellText : rows.get(r)) {
          table.addCell(cell(cellText, r == 0));
        }
      }
      add(table);
    }

    /**
     * A bordered form of label and value pairs (学生姓名 | 王小梅 | 性别 | 女): the labels, in the
     * even columns, bold on grey as printed forms have them.
     */
    public void form(float[] widths, List<List<String>> rows) {
      PdfPTable table = new PdfPTable(widths);
      table.setWidthPercentage(100);
      table.setSpacingBefore(6);
      table.setSpacingAfter(10);
      for (List<String> row : rows) {
        for (int c = 0; c < row.size(); c++) {
          PdfPCell cell = cell(row.get(c), c % 2 == 0);
          if (c % 2 == 0) {
            cell.setBackgroundColor(LABEL_GREY);
          }
          table.addCell(cell);
        }
      }
      add(table);
    }

    /**
     * The lines people sign by hand, one under the other, each with its own date line:
     * 填表人：＿＿＿＿＿＿　日期：＿＿＿＿年＿＿月＿＿日.
     */
    public void signatureLines(String... roles) {
      PdfPTable table = new PdfPTable(new float[] {2.2f, 4, 1.2f, 4});
      table.setWidthPercentage(100);
      table.setSpacingBefore(12);
      for (String role : roles) {
        for (String text : List.of(role + "：", BLANK_NAME, "日期：", BLANK_DATE)) {
          PdfPCell cell = new PdfPCell(new Phrase(text, font(12, Font.NORMAL)));
          cell.setBorder(PdfPCell.NO_BORDER);
          cell.setPaddingTop(14);
          cell.setPaddingBottom(4);
          table.addCell(cell);
        }
      }
      add(table);
    }

    private PdfPCell cell(String text, boolean bold) {
      PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font(10, bold ? Font.BOLD : Font.NORMAL)));
      cell.setPadding(4);
      return cell;
    }

    private void add(Element element) {
      try {
        document.add(element);
      } catch (DocumentException e) {
        throw new IllegalStateException("Cannot lay out the document", e);
      }
    }
  }

  public byte[] render(Consumer<Page> content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 60, 60, 60, 60);
    PdfWriter.getInstance(document, out);
    document.open();
    content.accept(new Page(document));
    document.close();
    return out.toByteArray();
  }

  private Font font(float size, int style) {
    return new Font(baseFont(), size, style);
  }

  private synchronized BaseFont baseFont() {
    if (baseFont == null) {
      for (String candidate : fontCandidates) {
        String file = candidate.contains(",") ? candidate.substring(0, candidate.lastIndexOf(',')) : candidate;
        if (Files.isReadable(Path.of(file))) {
          try {
            baseFont = BaseFont.createFont(candidate, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            break;
          } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Cannot load the Chinese font " + candidate, e);
          }
        }
      }
      if (baseFont == null) {
        throw new IllegalStateException("No Chinese font found for documents; install fonts-noto-cjk or set baoxue.documents.fonts"
            + " (tried " + fontCandidates + ")");
      }
    }
    return baseFont;
  }
}
