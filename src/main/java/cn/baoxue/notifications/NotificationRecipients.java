package cn.baoxue.notifications;

import cn.baoxue.org.StaffContact;
import cn.baoxue.org.StaffContacts;
import cn.baoxue.org.StaffDirectory;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The people a notification is for and how each is reached outside Baoxue: the person it names,
 * or every member of the group it names (a school, a township), with their contacts on file.
 * Staff only: a guardian is never a recipient.
 */
@Component
class NotificationRecipients {

  private final StaffDirectory directory;
  private final StaffContacts contacts;

  NotificationRecipients(StaffDirectory directory, StaffContacts contacts) {
    this.directory = directory;
    this.contacts = contacts;
  }

  /** The user ids behind a recipient (a user id or a group id), in id order. */
  List<String> people(String recipient) {
    if (directory.user(recipient) != null) {
      return List.of(recipient);
    }
    return directory.membersOf(recipient).stream().map(User::getId).toList();
  }

  /** The mobile numbers of the people behind a recipient, those who have one. */
  List<String> mobiles(String recipient) {
    return addresses(recipient, StaffContact::getMobile);
  }

  /** The 企业微信 accounts of the people behind a recipient, those who have one. */
  List<String> wecomUserIds(String recipient) {
    return addresses(recipient, StaffContact::getWecomUserId);
  }

  private List<String> addresses(String recipient, Function<StaffContact, String> address) {
    return contacts.of(people(recipient)).stream().map(address).filter(Objects::nonNull).distinct().sorted().toList();
  }
}
