package cn.baoxue.org;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's mobile numbers and 企业微信 accounts, for the notification channels. Filled by the staff
 * import (optional columns 手机号, 企业微信账号); only staff are here, never a guardian or a child.
 */
@Service
public class StaffContacts {

  /** A mainland mobile number: 11 digits starting with 1. */
  public static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
  /** A 企业微信 userid: letters, digits and _ - . @, at most 64 characters. */
  public static final Pattern WECOM_USER_ID = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

  private final StaffContactRepository contacts;

  StaffContacts(StaffContactRepository contacts) {
    this.contacts = contacts;
  }

  /** Records what is given; a null keeps what is on file. */
  @Transactional
  public void record(String userId, String mobile, String wecomUserId) {
    if (mobile == null && wecomUserId == null) {
      return;
    }
    if (mobile != null && !MOBILE.matcher(mobile).matches()) {
      throw new IllegalArgumentException("not a mobile number");
    }
    if (wecomUserId != null && !WECOM_USER_ID.matcher(wecomUserId).matches()) {
      throw new IllegalArgumentException("not a 企业微信 userid");
    }
    StaffContact contact = contacts.findById(userId).orElseGet(() -> new StaffContact(userId));
    contact.update(mobile, wecomUserId);
    contacts.save(contact);
  }

  @Transactional(readOnly = true)
  public List<StaffContact> of(Collection<String> userIds) {
    return userIds.isEmpty() ? List.of() : contacts.findByUserIdIn(userIds);
  }
}
