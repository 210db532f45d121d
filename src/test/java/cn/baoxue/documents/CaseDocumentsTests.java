package cn.baoxue.documents;

import cn.baoxue.testing.QuickTier;
import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.cases.PersonalDataPolicy.Disclosure;
import cn.baoxue.cases.CaseQueries;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.TestStudents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The documents a case issues, read back as a reader would: the text of the PDF, in Chinese, with
 * the font embedded. Copies go to target/documents for a person to look at.
 */
@QuickTier
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true"})
class CaseDocumentsTests {

  @Autowired ProcessEngine engine;
  @Autowired ManagementService managementService;
  @Autowired StaffDirectory staff;
  @Autowired CaseDocuments documents;
  @Autowired CaseQueries caseQueries;
  @Autowired DropoutCaseRepository cases;

  ActingUsers users;

  @BeforeEach
  void setUp() {
    users = new ActingUsers(engine, staff);
  }

  @Test
  void theWrittenOrderNamesChildGuardianLawDeadlineAndTownship() throws IOException {
    ProcessInstance pi = atReturnOrder();
    LocalDate deadline = LocalDate.now().plusDays(10);

    users.complete("official-jianshan", users.taskOf(pi.getId()).getId(), Map.of("orderDeadline", deadline.toString(),
        "persuasionResult", "NOT_RETURNED", "persuasionNotes", "已当面送达监护人"));

    CaseDocument notice = documentsOf(pi).stream().filter(d -> d.getKind() == DocumentKind.RETURN_ORDER).findFirst().orElseThrow();
    assertThat(notice.getRecordedBy()).isEqualTo("official-jianshan");
    assertThat(notice.getFileName()).isEqualTo(pi.getBusinessKey() + "-责令限期复学通知书.pdf");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("returnOrderDocumentId").singleResult().getValue()).isEqualTo(notice.getId());
    String text = textOf(notice.getContent(), "return-order.pdf");
    assertThat(text).contains("责令限期复学通知书", pi.getBusinessKey(), "王大山", "王小梅", "长安村小学",
        "《中华人民共和国义务教育法》", deadline.format(DateTimeFormatter.ofPattern("yyyy年M月d日")), "尖山乡人民政府");
    assertThat(text).as("addressed to the guardian by name").contains("尖山乡人民政府（盖章）").containsSubsequence(
        pi.getBusinessKey() + "号", "王大山（监护人）：", "你（们）的子女王小梅", "监护人签收：＿＿＿＿＿＿＿＿　　签收日期：＿＿＿＿年＿＿月＿＿日");
  }

  @Test
  void aNoticeForAChildWithoutAGuardianOnRecordLeavesALineForTheName() throws IOException {
    Map<String, Object> variables = TestStudents.changanGirl();
    variables.remove("guardianName");
    ProcessInstance pi = atReturnOrder(variables);

    users.complete("official-jianshan", users.taskOf(pi.getId()).getId(), Map.of("orderDeadline",
        LocalDate.now().plusDays(10).toString(), "persuasionResult", "NOT_RETURNED", "persuasionNotes", "已送达"));

    CaseDocument notice = documentsOf(pi).stream().filter(d -> d.getKind() == DocumentKind.RETURN_ORDER).findFirst().orElseThrow();
    String text = textOf(notice.getContent(), "return-order-no-guardian.pdf");
    assertThat(text).contains("＿＿＿＿＿＿＿＿（监护人）：你（们）的子女王小梅").doesNotContain("学生家长");
  }

  @Test
  void thePersuasionRecordHasTheSignatureLinesOfThePrintedFormAndNoStraySeparators() throws IOException {
    ProcessInstance pi = atReturnOrder(TestStudents.changanGirl());

    String record = textOf(documents.persuasionRecord(caseQueries.caseFile(caseId(pi)), Disclosure.FULL), "persuasion-record-signed.pdf");

    assertThat(record).containsSubsequence("辍学学生劝返工作记录表", "入户家访与劝返记录",
        "填表人：＿＿＿＿＿＿＿＿日期：＿＿＿＿年＿＿月＿＿日",
        "审核人：＿＿＿＿＿＿＿＿日期：＿＿＿＿年＿＿月＿＿日",
        "家长签字：＿＿＿＿＿＿＿＿日期：＿＿＿＿年＿＿月＿＿日",
        "填表单位：长安村小学（盖章）");
    assertThat(record).contains("见到祖母；孩子随父母在昆明", "村乡联合入户劝返");
    assertThat(record).doesNotContain("；；", "，，", "；未复学", "；外出务工", "，未复学");
  }

  @Test
  void notesAreJoinedWithoutASeparatorStandingAlone() {
    assertThat(DocumentRenderer.sentences(null, "孩子在昆明，")).isEqualTo("孩子在昆明");
    assertThat(DocumentRenderer.sentences("见到祖母", "")).isEqualTo("见到祖母");
    assertThat(DocumentRenderer.sentences("见到祖母", "，孩子在昆明；")).isEqualTo("见到祖母；孩子在昆明");
    assertThat(DocumentRenderer.sentences("，", null)).isEmpty();
  }

  @Test
  void theReferralLetterGoesToTheCountyOnceAndTheRecordListsEveryAttempt() throws IOException {
    ProcessInstance pi = atReturnOrder();
    users.complete("official-jianshan", users.taskOf(pi.getId()).getId(), Map.of("orderDeadline",
        LocalDate.now().plusDays(3).toString(), "persuasionResult", "NOT_RETURNED", "persuasionNotes", "已送达"));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId())
        .activityId("orderDeadlinePassed").singleResult().getId());
    persuade("official-jianshan", pi, "NOT_RETURNED", "期满核查仍未返校");
    persuade("bureau-zhenxiong", pi, "NOT_RETURNED", "已约谈监护人");

    List<CaseDocument> referrals = documentsOf(pi).stream().filter(d -> d.getKind() == DocumentKind.LEGAL_REFERRAL).toList();
    assertThat(referrals).hasSize(1);
    assertThat(textOf(referrals.get(0).getContent(), "legal-referral.pdf"))
        .contains("依法控辍移送函", "镇雄县教育局", "王小梅", "学校劝返", "联合劝返", "责令限期复学", "限期复学核查");

    String record = textOf(documents.persuasionRecord(caseQueries.caseFile(caseId(pi)), Disclosure.FULL), "persuasion-record.pdf");
    assertThat(record).contains("辍学学生劝返工作记录表", "入户家访", "学校劝返", "联合劝返", "依法控辍", "已约谈监护人", "留守");
  }

  private ProcessInstance atReturnOrder() {
    return atReturnOrder(TestStudents.changanGirl());
  }

  private ProcessInstance atReturnOrder(Map<String, Object> report) {
    ProcessInstance pi = users.as("teacher-changan",
        () -> engine.getRuntimeService().createProcessInstanceByKey("dropout-case").setVariables(report).execute());
    users.complete("teacher-changan", users.taskOf(pi.getId()).getId(), Map.of("verifyResult", "CONFIRMED"));
    users.complete("official-jianshan", users.taskOf(pi.getId()).getId(),
        Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"));
    users.complete("teacher-changan", users.taskOf(pi.getId()).getId(), Map.of("visitDate", LocalDate.now().toString(),
        "metWith", "祖母", "childWhereabouts", "WORKING_AWAY", "reason", "WORK", "visitNotes", "孩子随父母在昆明"));
    persuade("teacher-changan", pi, "NOT_RETURNED", "班主任电话劝返");
    persuade("cadre-changan", pi, "NOT_RETURNED", "村乡联合入户劝返");
    return pi;
  }

  private void persuade(String user, ProcessInstance pi, String result, String notes) {
    users.complete(user, users.taskOf(pi.getId()).getId(), Map.of("persuasionResult", result, "persuasionNotes", notes));
  }

  private List<CaseDocument> documentsOf(ProcessInstance pi) {
    return documents.of(caseId(pi));
  }

  /** The case the intake linked to the process instance. */
  private Long caseId(ProcessInstance pi) {
    return cases.findByProcessInstanceId(pi.getId()).orElseThrow().getId();
  }

  /** The text a reader sees; also checks that every font is embedded, and keeps a copy. */
  private static String textOf(byte[] pdf, String copyName) throws IOException {
    Path copy = Path.of("target", "documents", copyName);
    Files.createDirectories(copy.getParent());
    Files.write(copy, pdf);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (var page : document.getPages()) {
        for (var fontName : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(fontName);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
      PDFTextStripper stripper = new PDFTextStripper();
      // In reading order: tables are drawn on their own layer, which would otherwise come last.
      stripper.setSortByPosition(true);
      return stripper.getText(document).replaceAll("\\s+", "");
    }
  }
}
