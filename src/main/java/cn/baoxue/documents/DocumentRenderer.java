package cn.baoxue.documents;

import cn.baoxue.org.CaseJurisdiction;
import cn.baoxue.cases.CaseQueries.CaseFile;
import cn.baoxue.kernel.validation.Coded;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.HomeVisit;
import cn.baoxue.cases.PersonalDataPolicy.Disclosure;
import cn.baoxue.cases.PersuasionAttempt;
import cn.baoxue.cases.SpecialGroup;
import cn.baoxue.cases.Student;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.StaffDirectory;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Writes the case documents: the written order, the referral letter and the persuasion record. */
@Component
class DocumentRenderer {

  static final String LEGAL_BASIS =
      "《中华人民共和国义务教育法》第五条、第十一条、第五十八条";
  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final ChinesePdf pdf;
  private final OrgTree orgTree;
  private final StaffDirectory staff;

  DocumentRenderer(ChinesePdf pdf, OrgTree orgTree, StaffDirectory staff) {
    this.pdf = pdf;
    this.orgTree = orgTree;
    this.staff = staff;
  }

  /**
   * 责令限期复学通知书: the township orders the guardians to return the child by the deadline. Issued
   * in full; a reader who sees personal data masked gets a copy rendered masked, marked as such.
   */
  byte[] returnOrder(CaseFile file, LocalDate deadline, LocalDate issuedOn, Disclosure disclosure) {
    DropoutCase c = file.dropoutCase();
    Student s = c.getStudent();
    String township = orgTree.name(c.getTownshipCode());
    String school = orgTree.name(c.getSchoolCode());
    // A child with no 学籍 is ordered to enrol, not to return.
    String standing = c.hasSchool()
        ? "系" + school + c.getGrade() + "年级学生，经学校核实已辍学，"
        : "系义务教育适龄儿童、少年，经核实未在任何学校就读（无学籍），";
    String toSchool = c.hasSchool() ? "返回" + school + "复学" : "到学校入学";
    return pdf.render(page -> {
      page.title(DocumentKind.RETURN_ORDER.title());
      page.centered(township + "控辍〔" + issuedOn.getYear() + "〕" + c.getCaseNumber() + "号");
      // Addressed to the guardian by name; without one on record, a line for the township to write it in.
      page.line(s.getGuardianName() == null ? ChinesePdf.BLANK_NAME + "（监护人）：" : s.getGuardianName() + "（监护人）：");
      page.paragraph("你（们）的子女" + s.getName() + "（" + gender(s) + "，" + disclosure.birthDate(s.getBirthDate(), CHINESE_DATE)
          + "出生，身份证号" + disclosure.idNumber(s.getIdNumber()) + "）" + standing
          + "学校和村、乡镇多次劝返，至今未返校。");
      page.paragraph("根据" + LEGAL_BASIS + "的规定，适龄儿童、少年的父母或者其他法定监护人应当依法保证其按时入学并完成义务教育；"
          + "无正当理由未送适龄儿童、少年入学接受义务教育的，由乡镇人民政府或者县级人民政府教育行政部门给予批评教育，责令限期改正。");
      page.paragraph("现责令你（们）于" + deadline.format(CHINESE_DATE) + "前，送" + s.getName() + toSchool
          + "。逾期仍不送子女入学的，将依法移送" + orgTree.name(c.getCountyCode()) + "教育局处理。");
      page.paragraph("案件编号：" + c.getCaseNumber() + "。");
      page.line("特此通知。");
      page.signature(township + "人民政府（盖章）", issuedOn.format(CHINESE_DATE));
      page.line("");
      page.line("监护人签收：" + ChinesePdf.BLANK_NAME + "　　签收日期：" + ChinesePdf.BLANK_DATE);
      maskedCopyNote(page, disclosure);
    });
  }

  /** 移送函: the township refers a child still out of school to the county education bureau. */
  byte[] legalReferral(CaseFile file, LocalDate issuedOn) {
    DropoutCase c = file.dropoutCase();
    Student s = c.getStudent();
    String township = orgTree.name(c.getTownshipCode());
    String county = orgTree.name(c.getCountyCode());
    return pdf.render(page -> {
      page.title(DocumentKind.LEGAL_REFERRAL.title());
      page.centered("关于" + s.getName() + "辍学问题的移送函（案件编号 " + c.getCaseNumber() + "）");
      page.line(county + "教育局：");
      page.paragraph(orgTree.name(c.getVillageCode()) + "学生" + s.getName() + "（" + gender(s) + "，"
          + schoolAndGrade(c) + "，" + (s.getGuardianName() == null ? "监护人未登记" : "监护人" + s.getGuardianName())
          + "）辍学后，经学校劝返、村乡联合劝返，"
          + "并由我乡镇下达责令限期复学通知书，期满仍未返校。劝返工作情况如下：");
      page.table(new float[] {2, 2, 2, 5}, attemptRows(file));
      page.paragraph("根据" + LEGAL_BASIS + "的规定，现将该案移送你局，请依法采取行政处罚或申请司法等措施，督促监护人送子女复学。");
      page.signature(township + "人民政府（盖章）", issuedOn.format(CHINESE_DATE));
    });
  }

  /**
   * 协查函: the county bureau asks an authority outside the deployment (where the family moved or the
   * child works) to help find the child and bring her back to school, and to answer in writing.
   * The facts it needs and nothing more: no ID number, birth date or phone.
   */
  byte[] assistanceLetter(CaseFile file, String toAuthority, String toPlace, String reason, LocalDate issuedOn) {
    DropoutCase c = file.dropoutCase();
    Student s = c.getStudent();
    String county = orgTree.name(c.getCountyCode());
    return pdf.render(page -> {
      page.title(DocumentKind.ASSISTANCE_LETTER.title());
      page.centered(county + "教育局控辍协〔" + issuedOn.getYear() + "〕" + c.getCaseNumber() + "号");
      page.line(toAuthority + "：");
      page.paragraph("我县" + orgTree.name(c.getTownshipCode()) + orgTree.name(c.getVillageCode()) + "适龄儿童、少年" + s.getName()
          + "（" + gender(s) + "，" + schoolAndGrade(c) + "，" + (s.getGuardianName() == null ? "监护人未登记" : "监护人" + s.getGuardianName())
          + "）未按规定接受义务教育，列入我县控辍保学台账（案件编号 " + c.getCaseNumber() + "）。据了解，该生现在" + toPlace + "。");
      page.paragraph("协查事由：" + sentences(reason) + "。");
      page.paragraph("根据" + LEGAL_BASIS + "的规定，为落实控辍保学工作责任，特请贵单位协助查找该生下落，"
          + "督促其监护人送其入学或返校复学；该生在贵地入学的，请告知就读学校和学籍情况。请将协查结果书面函复我局。");
      page.paragraph("我局在协查期间继续将该生列入控辍保学台账，标注为“外地协查”，直至其复学或入学。");
      page.line("联系单位：" + county + "教育局");
      page.signature(county + "教育局（盖章）", issuedOn.format(CHINESE_DATE));
    });
  }

  private String schoolAndGrade(DropoutCase c) {
    return c.hasSchool() ? orgTree.name(c.getSchoolCode()) + c.getGrade() + "年级" : CaseJurisdiction.NO_SCHOOL;
  }

  /** 辍学学生劝返工作记录表: every visit and persuasion attempt on the case so far. */
  byte[] persuasionRecord(CaseFile file, LocalDate printedOn, Disclosure disclosure) {
    DropoutCase c = file.dropoutCase();
    Student s = c.getStudent();
    return pdf.render(page -> {
      page.title(DocumentKind.PERSUASION_RECORD.title());
      page.centered("案件编号：" + c.getCaseNumber() + "　　打印日期：" + printedOn.format(CHINESE_DATE));
      page.form(new float[] {2, 3, 2, 3}, List.of(
          List.of("学生姓名", s.getName(), "性别", gender(s)),
          List.of("出生日期", disclosure.birthDate(s.getBirthDate(), CHINESE_DATE), "年级", c.getGrade() == null ? "—" : c.getGrade() + "年级"),
          List.of("学校", c.hasSchool() ? orgTree.name(c.getSchoolCode()) : CaseJurisdiction.NO_SCHOOL, "户籍村", orgTree.name(c.getVillageCode())),
          List.of("监护人", nullToEmpty(s.getGuardianName()), "联系电话", s.getGuardianPhone() == null ? "" : disclosure.phone(s.getGuardianPhone())),
          List.of("辍学原因", c.getReason().label(), "特殊群体", specialGroups(c.getSpecialGroups())),
          List.of("当前状态", c.getStatus().label(), "劝返环节", c.getRung() == null ? "—" : c.getRung().label())));
      page.line("入户家访与劝返记录：");
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("日期", "方式", "经办人", "情况", "结果"));
      List<Entry> entries = new ArrayList<>();
      for (HomeVisit v : file.visits()) {
        entries.add(new Entry(v.getRecordedAt(), List.of(v.getVisitDate().format(CHINESE_DATE), "入户家访",
            staff.fullName(v.getRecordedBy()), sentences(v.getMetWith() == null ? null : "见到" + v.getMetWith(), v.getNotes()),
            v.getChildWhereabouts().label())));
      }
      for (PersuasionAttempt a : file.attempts()) {
        entries.add(new Entry(a.getRecordedAt(), List.of(a.getRecordedAt().toLocalDate().format(CHINESE_DATE),
            a.getRung().label(), staff.fullName(a.getRecordedBy()), sentences(a.getNotes()), a.getResult().label())));
      }
      entries.stream().sorted(Comparator.comparing(Entry::at)).forEach(entry -> rows.add(entry.cells()));
      if (rows.size() == 1) {
        rows.add(List.of("—", "—", "—", "暂无记录", "—"));
      }
      page.table(new float[] {3, 3, 2, 6, 2}, rows);
      // As the printed 劝返工作记录表 is signed: who filled it in, who checked it, the parent.
      page.signatureLines("填表人", "审核人", "家长签字");
      page.line("");
      page.signature("填表单位：" + orgTree.name(c.hasSchool() ? c.getSchoolCode() : c.getTownshipCode()) + "（盖章）");
      maskedCopyNote(page, disclosure);
    });
  }

  /** A masked rendering says so, so that nobody takes it for the document as issued or serves it. */
  private static void maskedCopyNote(ChinesePdf.Page page, Disclosure disclosure) {
    if (!disclosure.inFull()) {
      page.line("");
      page.line("（本件为个人信息遮蔽件，身份证号、出生日期和联系电话已部分隐去。）");
    }
  }

  private List<List<String>> attemptRows(CaseFile file) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("日期", "环节", "经办人", "情况与结果"));
    for (PersuasionAttempt a : file.attempts()) {
      rows.add(List.of(a.getRecordedAt().toLocalDate().format(CHINESE_DATE), a.getRung().label(),
          staff.fullName(a.getRecordedBy()), sentences(a.getNotes()) + "（" + a.getResult().label() + "）"));
    }
    return rows;
  }

  private record Entry(LocalDateTime at, List<String> cells) {}

  private static String gender(Student s) {
    return "F".equals(s.getGender()) ? "女" : "男";
  }

  /**
   * Notes as one cell: the parts present, each without the comma or semicolon it was typed with at
   * either end, joined by 「；」 — never a separator standing alone.
   */
  static String sentences(String... parts) {
    return Arrays.stream(parts)
        .filter(part -> part != null && !part.isBlank())
        .map(part -> part.strip().replaceAll("^[，,；;、。\\s]+|[，,；;、\\s]+$", ""))
        .filter(part -> !part.isEmpty())
        .collect(Collectors.joining("；"));
  }

  private static String specialGroups(String codes) {
    if (codes == null || codes.isBlank()) {
      return "无";
    }
    return Arrays.stream(codes.split(","))
        .map(code -> Coded.find(SpecialGroup.class, code).map(SpecialGroup::label).orElse(code))
        .collect(Collectors.joining("、"));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
