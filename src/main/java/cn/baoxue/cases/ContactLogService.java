package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.calendar.WorkingDayCalendar;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.Staff;
import java.math.BigDecimal;
import java.time.LocalDate;
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

  private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

  private final DropoutCaseRepository cases;
  private final HelperAssignmentRepository assignments;
  private final ContactLogRepository contacts;
  private final WorkingDayCalendar calendar;

  ContactLogService(DropoutCaseRepository cases, HelperAssignmentRepository assignments, ContactLogRepository contacts,
      WorkingDayCalendar calendar) {
    this.cases = cases;
    this.assignments = assignments;
    this.contacts = contacts;
    this.calendar = calendar;
  }

  /** A contact as typed. */
  public record ContactInput(String type, String date, String notes, String amountYuan) {}

  @Transactional
  public ContactLog record(String caseNumber, ContactInput input, Staff actor) {
    DropoutCase dropoutCase = requireMayRecord(caseNumber, actor);
    Inputs in = new Inputs();
    ContactType type = in.code("type", ContactType.class, input.type(), "帮扶方式");
    LocalDate date = in.date("date", input.date(), "帮扶日期");
    if (date != null && date.isAfter(calendar.today())) {
      in.problem("date", "帮扶日期不能晚于今天");
    }
    String notes = in.notes("notes", input.notes(), "帮扶内容", false);
    BigDecimal amount = amount(input.amountYuan(), type, in);
    in.check();
    return contacts.save(new ContactLog(dropoutCase, actor.userId(), type, date, notes, amount));
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

  private static BigDecimal amount(String raw, ContactType type, Inputs in) {
    String value = Inputs.trim(raw);
    if (type != ContactType.FUNDS) {
      if (value != null) {
        in.problem("amountYuan", "只有“资助资金”需要填写金额");
      }
      return null;
    }
    if (value == null) {
      in.problem("amountYuan", "资助资金须填写金额（元）");
      return null;
    }
    try {
      BigDecimal amount = new BigDecimal(value);
      if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.stripTrailingZeros().scale() > 2) {
        in.problem("amountYuan", "资助金额须为大于0的数字，最多两位小数：" + value);
        return null;
      }
      return amount;
    } catch (NumberFormatException e) {
      in.problem("amountYuan", "资助金额须为数字（元）：" + value);
      return null;
    }
  }
}
