package cn.baoxue.cases;

import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.kernel.identity.GroupIds;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/**
 * Who sees a minor's ID number and her guardian's phone in full (《个人信息保护法》): the staff who
 * work cases with the families — schools, townships, the county bureau. Everyone else (auditors,
 * village cadres, the women's federation, administrators) sees them masked in pages, exports and
 * documents. The process engine keeps them masked for everyone (docs/security.md, "Personal data
 * in the engine"): the full values live only in Baoxue's {@code student} table.
 *
 * <p>The birth date is masked with the ID number: its middle eight digits are the birth date, so a
 * masked number next to a full birth date would be the full number.
 */
public final class PersonalDataPolicy {

  private PersonalDataPolicy() {}

  public static boolean seesInFull(Collection<String> groupIds) {
    return groupIds.stream().map(GroupIds::kindOf).anyMatch(kind ->
        kind == GroupIds.Kind.SCHOOL || kind == GroupIds.Kind.TOWNSHIP || kind == GroupIds.Kind.COUNTY);
  }

  /** How the personal data of a child is shown to a reader in these groups. */
  public static Disclosure disclosureFor(Collection<String> groupIds) {
    return seesInFull(groupIds) ? Disclosure.FULL : Disclosure.MASKED;
  }

  /** 530627********1234: enough for a person to recognise, too little to misuse. */
  public static String maskIdNumber(String idNumber) {
    return IdNumber.mask(idNumber);
  }

  /** 138****0001 */
  public static String maskPhone(String phone) {
    if (phone == null || phone.length() < 7) {
      return phone == null ? null : "****";
    }
    return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
  }

  /** 2014-**-**: the year only (the grade tells as much); month and day would complete a masked ID number. */
  public static String maskBirthDate(String birthDate) {
    if (birthDate == null) {
      return null;
    }
    String trimmed = birthDate.trim();
    return trimmed.length() >= 4 && trimmed.substring(0, 4).chars().allMatch(Character::isDigit)
        ? trimmed.substring(0, 4) + "-**-**"
        : "****-**-**";
  }

  /** Full or masked: the one switch every page, export and document renders personal data through. */
  public enum Disclosure {
    FULL,
    MASKED;

    public boolean inFull() {
      return this == FULL;
    }

    /** A provisional number (临时编号) is Baoxue's own and tells nothing of the child: shown whole. */
    public String idNumber(String idNumber) {
      return inFull() || ProvisionalNumbers.isProvisional(idNumber) ? idNumber : maskIdNumber(idNumber);
    }

    public String phone(String phone) {
      return inFull() ? phone : maskPhone(phone);
    }

    /** {@code 2014-03-05}, or its masked form {@code 2014-**-**}. */
    public String birthDate(LocalDate birthDate) {
      return birthDate(birthDate, DateTimeFormatter.ISO_LOCAL_DATE);
    }

    /** The date in the given format, or its masked form {@code 2014-**-**}. */
    public String birthDate(LocalDate birthDate, DateTimeFormatter format) {
      if (birthDate == null) {
        return null;
      }
      return inFull() ? birthDate.format(format) : maskBirthDate(birthDate.toString());
    }
  }
}
