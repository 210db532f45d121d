package cn.baoxue.documents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.cases.PersonalDataPolicy.Disclosure;
import cn.baoxue.cases.CaseQueries;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
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
    ProcessInstance pi = users.reportAtChangan();
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
      return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
    }
  }
}
