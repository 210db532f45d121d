package cn.baoxue.cases;

import cn.baoxue.calendar.WorkingDayCalendar;
import cn.baoxue.cases.ContactLogService.ContactInput;
import cn.baoxue.kernel.validation.Inputs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The rules of a contact log entry (帮扶记录), wherever it hangs: on a dropout case's family or on a
 * 结对关爱 pairing. One type of {@link ContactType}, a day not after today, notes, and an amount in
 * yuan for {@code FUNDS} only. Problems are filed under the field keys of the contact's body.
 */
@Component
public class ContactRules {

  /** The fields of a contact's JSON body; any other is refused by the doors that read a map. */
  public static final Set<String> FIELDS = Set.of("type", "date", "notes", "amountYuan");

  private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

  private final WorkingDayCalendar calendar;

  ContactRules(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** A contact as read; fields are null where {@code in} holds a problem. */
  public record ContactEntry(ContactType type, LocalDate date, String notes, BigDecimal amountYuan) {}

  /** A JSON body as typed; the amount may come as a number or as text. */
  public static ContactInput inputOf(Map<String, Object> body) {
    return new ContactInput(text(body.get("type")), text(body.get("date")), text(body.get("notes")), text(body.get("amountYuan")));
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  /** Reads the contact, filing each problem in {@code in}; the caller checks. */
  public ContactEntry read(ContactInput input, Inputs in) {
    ContactType type = in.code("type", ContactType.class, input.type(), "帮扶方式");
    LocalDate date = in.date("date", input.date(), "帮扶日期");
    if (date != null && date.isAfter(calendar.today())) {
      in.problem("date", "帮扶日期不能晚于今天");
    }
    String notes = in.notes("notes", input.notes(), "帮扶内容", false);
    BigDecimal amount = amount(input.amountYuan(), type, in);
    return new ContactEntry(type, date, notes, amount);
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
