package cn.baoxue.audit;

import cn.baoxue.kernel.integrity.Sha256;
import java.nio.charset.StandardCharsets;

import cn.baoxue.documents.CaseDocument;
import cn.baoxue.documents.CaseDocumentRepository;
import cn.baoxue.documents.CaseDocuments;
import cn.baoxue.escalation.Escalation;
import cn.baoxue.escalation.EscalationRepository;
import cn.baoxue.evidence.EvidenceItem;
import cn.baoxue.evidence.EvidenceItemRepository;
import cn.baoxue.evidence.EvidenceService;
import cn.baoxue.reconciliation.ReconciliationRuns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the whole trail: every entry must follow its predecessor's hash, hash to what it says,
 * and still describe its source row; a changed or deleted entry or row is named.
 */
@Service
public class AuditVerification {

  static final String GENESIS = "0".repeat(64);

  private final AuditEntryRepository entries;
  private final EscalationRepository escalations;
  private final CaseDocumentRepository documents;
  private final EvidenceItemRepository evidence;
  private final EvidenceService evidenceService;
  private final JdbcClient jdbc;
  private final ReconciliationRuns reconciliations;

  AuditVerification(
      AuditEntryRepository entries, EscalationRepository escalations, CaseDocumentRepository documents,
      EvidenceItemRepository evidence, EvidenceService evidenceService, JdbcClient jdbc,
      ReconciliationRuns reconciliations) {
    this.entries = entries;
    this.escalations = escalations;
    this.documents = documents;
    this.evidence = evidence;
    this.evidenceService = evidenceService;
    this.jdbc = jdbc;
    this.reconciliations = reconciliations;
  }

  /** The outcome, in Chinese for the auditor. */
  public record Result(boolean intact, int entries, List<String> problems) {}

  @Transactional(readOnly = true)
  public Result verify() {
    List<String> problems = new ArrayList<>();
    String expectedPrevious = GENESIS;
    List<AuditEntry> all = entries.findAllByOrderByIdAsc();
    Set<Long> purgedCases = new HashSet<>();
    all.stream().filter(entry -> entry.getKind() == AuditEntry.Kind.RETENTION_PURGE)
        .forEach(entry -> purgedCases.add(entry.getCaseId()));
    for (AuditEntry entry : all) {
      if (!entry.getPrevHash().equals(expectedPrevious)) {
        problems.add("审计记录 #" + entry.getId() + " 与前一条记录接不上：其前的记录被删除或改动");
      }
      if (!entry.computeHash().equals(entry.getHash())) {
        problems.add("审计记录 #" + entry.getId() + " 的内容被改动");
      }
      if (!purgedCases.contains(entry.getCaseId())) {
        sourceProblem(entry).ifPresent(problems::add);
      }
      expectedPrevious = entry.getHash();
    }
    String head = jdbc.sql("select last_hash from audit_trail_head where id = 1").query(String.class).single();
    if (!head.equals(expectedPrevious)) {
      problems.add("审计记录末尾的记录被删除或改动");
    }
    return new Result(problems.isEmpty(), all.size(), problems);
  }

  private Optional<String> sourceProblem(AuditEntry entry) {
    return switch (entry.getKind()) {
      case ESCALATION -> {
        Optional<Escalation> escalation = escalations.findById(entry.getRefId());
        if (escalation.isEmpty()) {
          yield Optional.of("督办记录 #" + entry.getRefId() + " 已被删除");
        }
        yield AuditPayloads.of(escalation.get()).equals(entry.getPayload())
            ? Optional.empty()
            : Optional.of("督办记录 #" + entry.getRefId() + " 已被改动");
      }
      case DOCUMENT -> documents.findById(entry.getRefId())
          .map(d -> Optional.ofNullable(documentProblem(d, entry)))
          .orElseGet(() -> Optional.of("文书 #" + entry.getRefId() + " 已被删除"));
      case EVIDENCE -> evidence.findById(entry.getRefId())
          .map(e -> Optional.ofNullable(evidenceProblem(e, entry)))
          .orElseGet(() -> Optional.of("佐证材料 #" + entry.getRefId() + " 已被删除"));
      case TRANSFER_REQUEST, TRANSFER_CONSENT, TRANSFER_REFUSAL, TRANSFER_WITHDRAWAL ->
          jdbc.sql("select count(*) from transfer_request where id = ?").param(entry.getRefId()).query(Long.class).single() == 1
              ? Optional.empty()
              : Optional.of("转学申请 #" + entry.getRefId() + " 已被删除");
      case CHILD_MERGE ->
          jdbc.sql("select count(*) from child_merge where id = ? and ? like concat('merge=', id, ';kept=', kept_student_id, ';merged=', merged_student_id, ';%')")
              .params(entry.getRefId(), entry.getPayload()).query(Long.class).single() == 1
              ? Optional.empty()
              : Optional.of("儿童记录合并 #" + entry.getRefId() + " 已被删除或改动");
      case RECONCILIATION -> {
        String kept = reconciliations.auditPayload(entry.getRefId());
        yield kept == null ? Optional.of("四查三比对记录 #" + entry.getRefId() + " 已被删除")
            : kept.equals(entry.getPayload()) ? Optional.empty()
            : Optional.of("四查三比对记录 #" + entry.getRefId() + " 的文件或结果已被改动");
      }
      case HANDOVER -> jdbc.sql("select moved from staff_handover where id = ?").param(entry.getRefId()).query(String.class)
          .optional()
          .map(moved -> moved.equals(entry.getPayload()) ? Optional.<String>empty() : Optional.of("工作交接记录 #" + entry.getRefId() + " 已被改动"))
          .orElseGet(() -> Optional.of("工作交接记录 #" + entry.getRefId() + " 已被删除"));
      case CARE_PAIRING ->
          jdbc.sql("select count(*) from care_pairing where id = ? and ? like concat('pairing=', id, ';kind=', kind, ';village=', village_code, ';school=', coalesce(school_code, ''), ';group=', created_by_group, ';%')")
              .params(entry.getRefId(), entry.getPayload()).query(Long.class).single() == 1
              ? Optional.empty()
              : Optional.of("结对关爱 #" + entry.getRefId() + " 已被删除或改动");
      case CARE_CONTACT ->
          jdbc.sql("select count(*) from care_contact where id = ? and ? like concat('contact=', id, ';pairing=', pairing_id, ';type=', contact_type, ';date=', contact_date, ';%')")
              .params(entry.getRefId(), entry.getPayload()).query(Long.class).single() == 1
              ? Optional.empty()
              : Optional.of("结对关爱记录 #" + entry.getRefId() + " 已被删除或改动");
      case DISABLED_CHILD ->
          jdbc.sql("select count(*) from disabled_child where id = ? and ? like concat('child=', id, ';county=', county_code, ';village=', village_code, ';group=', registered_by_group, ';%')")
              .params(entry.getRefId(), entry.getPayload()).query(Long.class).single() == 1
              ? Optional.empty()
              : Optional.of("残疾儿童记录 #" + entry.getRefId() + " 已被删除或改动");
      case PLACEMENT_DECISION ->
          jdbc.sql("select count(*) from disabled_child where id = ? and ? like concat('child=', id, ';placement=', placement, ';by=', assessed_by, ';%')")
              .params(entry.getRefId(), entry.getPayload()).query(Long.class).single() == 1
              ? Optional.empty()
              : Optional.of("残疾儿童安置决定 #" + entry.getRefId() + " 已被删除或改动");
      case HOME_DELIVERY_VISIT ->
          jdbc.sql("select count(*) from home_delivery_visit where id = ? and ? like concat('visit=', id, ';child=', child_id, ';date=', visit_date, ';%')")
              .params(entry.getRefId(), entry.getPayload()).query(Long.class).single() == 1
              ? Optional.empty()
              : Optional.of("送教上门记录 #" + entry.getRefId() + " 已被删除或改动");
      case REFERRAL -> jdbc.sql("select payload from referral_step where id = ?").param(entry.getRefId()).query(String.class)
          .optional()
          .map(kept -> kept.equals(entry.getPayload()) ? Optional.<String>empty() : Optional.of("联控联保转介记录 #" + entry.getRefId() + " 已被改动"))
          .orElseGet(() -> Optional.of("联控联保转介记录 #" + entry.getRefId() + " 已被删除"));
      case COUNTY_TRANSFER, COUNTY_TRANSFER_ACCEPTED, COUNTY_TRANSFER_RETURNED, COUNTY_TRANSFER_HELPERS, ASSISTANCE_LETTER ->
          jdbc.sql("select count(*) from county_transfer where id = ? and case_id = ?").params(entry.getRefId(), entry.getCaseId())
              .query(Long.class).single() == 1
              ? Optional.empty()
              : Optional.of("跨县移交记录 #" + entry.getRefId() + " 已被删除");
      case RECHECK -> jdbc.sql("select count(*) from recheck_item i join dropout_case c on c.id = i.case_id where i.id = ?"
              + " and ? = concat('item=', i.id, ';round=', i.round_id, ';case=', c.case_number, ';outcome=', i.outcome,"
              + " ';reopened=', coalesce(i.reopened_case_number, ''))")
          .params(entry.getRefId(), entry.getPayload()).query(Long.class).single() == 1
          ? Optional.empty()
          : Optional.of("季度复核记录 #" + entry.getRefId() + " 已被删除或改动");
      case UNIT_REPORT -> jdbc.sql("select unit_code, period, content, sha256 from unit_report where id = ?").param(entry.getRefId())
          .query((rs, n) -> ("report=" + entry.getRefId() + ";unit=" + rs.getString(1) + ";period=" + rs.getString(2) + ";sha256=" + rs.getString(4)).equals(entry.getPayload())
              && rs.getString(3) != null && Sha256.hex(rs.getString(3).getBytes(StandardCharsets.UTF_8)).equals(rs.getString(4)))
          .optional()
          .map(intact -> intact ? Optional.<String>empty() : Optional.of("报表 #" + entry.getRefId() + " 的报送内容已被改动"))
          .orElseGet(() -> Optional.of("报表 #" + entry.getRefId() + " 已被删除"));
      case AT_RISK_FLAG, AT_RISK_DECISION ->
          jdbc.sql("select count(*) from risk_flag where id = ? and ? like concat('flag=', id, ';%')")
              .params(entry.getRefId(), entry.getPayload()).query(Long.class).single() == 1
              ? Optional.empty()
              : Optional.of("风险预警 #" + entry.getRefId() + " 已被删除");
      case PREVENTION_PLAN ->
          jdbc.sql("select count(*) from prevention_plan where id = ?").param(entry.getRefId()).query(Long.class).single() == 1
              ? Optional.empty()
              : Optional.of("预防帮扶计划 #" + entry.getRefId() + " 已被删除");
      case AT_RISK_OBSERVATION ->
          jdbc.sql("select count(*) from risk_observation where id = ? and ? like concat('observation=', id, ';student=', student_id, ';code=', observation)")
              .params(entry.getRefId(), entry.getPayload()).query(Long.class).single() == 1
              ? Optional.empty()
              : Optional.of("教师观察 #" + entry.getRefId() + " 已被删除或改动");
      case PERSONAL_DATA_READ, PERSONAL_DATA_EXPORT, RETENTION_PURGE, LOGIN, LOGIN_FAILED, LOGOUT, UNIT_REPORT_DOWNLOAD,
          AT_RISK_GRADES -> Optional.empty();
    };
  }

  /** The row as entered, and its bytes, wherever they are stored, still hashing to what was entered. */
  private String evidenceProblem(EvidenceItem item, AuditEntry entry) {
    if (!AuditPayloads.of(item).equals(entry.getPayload())) {
      return "佐证材料 #" + item.getId() + " 的登记信息已被改动";
    }
    byte[] bytes;
    try {
      bytes = evidenceService.bytesOf(item);
    } catch (RuntimeException unreadable) {
      // An object store that lost the object, or refuses to serve one whose bytes changed.
      return "佐证材料 #" + item.getId() + "（" + item.getFileName() + "）的内容无法读取或已被改动";
    }
    if (bytes == null || !EvidenceService.sha256(bytes).equals(item.getSha256())) {
      return "佐证材料 #" + item.getId() + "（" + item.getFileName() + "）的内容已被改动";
    }
    return null;
  }

  private static String documentProblem(CaseDocument document, AuditEntry entry) {
    if (!AuditPayloads.of(document).equals(entry.getPayload())) {
      return "文书 #" + document.getId() + " 的登记信息已被改动";
    }
    if (!CaseDocuments.sha256(document.getContent()).equals(document.getSha256())) {
      return "文书 #" + document.getId() + "（" + document.getTitle() + "）的内容已被改动";
    }
    return null;
  }
}
