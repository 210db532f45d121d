package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.Staff;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 结对帮扶记录: the helpers of a case, and its township, record each contact with the family.
 * Home visits recorded in the {@code homeVisit} task count as {@code HOME_VISIT} contacts in the
 * reports; they are not copied here.
 */
@Service
public class ContactLogService {

  private final DropoutCaseRepository cases;
  private final HelperAssignmentRepository assignments;
  private final ContactLogRepository contacts;
  private final ContactRules rules;

  ContactLogService(DropoutCaseRepository cases, HelperAssignmentRepository assignments, ContactLogRepository contacts,
      ContactRules rules) {
    this.cases = cases;
    this.assignments = assignments;
    this.contacts = contacts;
    this.rules = rules;
  }

  /** A contact as typed (the rules it must keep: {@link ContactRules}). */
  public record ContactInput(String type, String date, String notes, String amountYuan) {}

  @Transactional
  public ContactLog record(String caseNumber, ContactInput input, Staff actor) {
    DropoutCase dropoutCase = requireMayRecord(caseNumber, actor);
    Inputs in = new Inputs();
    ContactRules.ContactEntry entry = rules.read(input, in);
    in.check();
    return contacts.save(new ContactLog(dropoutCase, actor.userId(), entry.type(), entry.date(), entry.notes(), entry.amountYuan()));
  }

  @Transactional(readOnly = true)
  public List<ContactLog> contactsOf(DropoutCase dropoutCase) {
    return contacts.findByCaseIdOrderByRecordedAtAscIdAsc(dropoutCase.getId());
  }

  /** The case, if this user may record its contacts: one of its helpers or its township's staff. */
  @Transactional(readOnly = true)
  public DropoutCase requireMayRecord(String caseNumber, Staff actor) {
    DropoutCase dropoutCase =
        cases.findByCaseNumber(caseNumber)
            .filter(c -> actor.jurisdiction().covers(c.getSchoolCode(), c.getVillageCode(), c.getTownshipCode(), c.getCountyCode())
                || isHelper(c, actor.userId()))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "案件不存在或不在您的管辖范围内"));
    if (!actor.isAdmin() && !actor.isMemberOf(GroupIds.township(dropoutCase.getTownshipCode())) && !isHelper(dropoutCase, actor.userId())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有本案的包保责任人和所在乡镇的工作人员可以登记帮扶记录");
    }
    return dropoutCase;
  }

  /** Whether the case page offers this user the 帮扶记录 form: the rule of {@link #requireMayRecord}. */
  @Transactional(readOnly = true)
  public boolean mayRecord(DropoutCase dropoutCase, Staff actor) {
    return actor.isAdmin() || actor.isMemberOf(GroupIds.township(dropoutCase.getTownshipCode()))
        || isHelper(dropoutCase, actor.userId());
  }

  private boolean isHelper(DropoutCase dropoutCase, String userId) {
    return assignments.findByCaseIdOrderByRecordedAtAscIdAsc(dropoutCase.getId()).stream()
        .flatMap(a -> Stream.of(a.getTeacherHelper(), a.getCadreHelper(), a.getWomenfedHelper()))
        .filter(Objects::nonNull)
        .anyMatch(userId::equals);
  }
}
