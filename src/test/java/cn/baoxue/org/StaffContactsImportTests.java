package cn.baoxue.org;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staff file's optional columns 手机号 and 企业微信账号: how notifications reach each person by SMS
 * and 企业微信. Checked with the rest of the row; an empty cell keeps what is on file; a file without
 * the columns imports as before.
 */
@BaoxueWebTest
class StaffContactsImportTests {

  static final String HEADER = "用户名,姓名,单位代码,角色,初始密码,手机号,企业微信账号\n";

  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @Test
  void mobileNumbersAndWeComAccountsAreImportedWithTheStaffAndKeptWhenLeftEmpty() {
    Reply first = upload(HEADER + "contact-teacher,罗小芳,5306270001,教师,Changan#2026x,13811112222,LuoXiaoFang\n");
    assertThat(first.status()).as("%s", first).isEqualTo(200);
    assertThat(contact("contact-teacher")).containsEntry("MOBILE", "13811112222").containsEntry("WECOM_USER_ID", "LuoXiaoFang");

    Reply again = upload(HEADER + "contact-teacher,罗小芳,5306270001,教师,,,luo.xf@changan\n");
    assertThat(again.status()).as("%s", again).isEqualTo(200);
    assertThat(contact("contact-teacher")).containsEntry("MOBILE", "13811112222").containsEntry("WECOM_USER_ID", "luo.xf@changan");

    Reply without = upload("用户名,姓名,单位代码,角色\ncontact-teacher,罗小芳,5306270001,教师\n");
    assertThat(without.status()).as("%s", without).isEqualTo(200);
    assertThat(contact("contact-teacher")).containsEntry("MOBILE", "13811112222");
  }

  @Test
  void aWrongMobileNumberOrWeComAccountRefusesTheWholeFileInChinese() {
    Reply refused = upload(HEADER
        + "contact-good,杨小兵,5306270001,教师,Changan#2026y,13822223333,\n"
        + "contact-bad,马小红,5306270001,教师,Changan#2026z,1382222,ma xiaohong\n");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("手机号应为11位手机号码", "1382222", "企业微信账号只能由英文字母、数字和 _ - . @ 组成");
    assertThat(jdbc.queryForObject("select count(*) from staff_contact where user_id in ('contact-good', 'contact-bad')", Long.class))
        .isZero();
  }

  private Reply upload(String csv) {
    return Caller.basic(port, "admin").upload("/api/admin/staff", "file", "工作人员.csv", csv.getBytes(StandardCharsets.UTF_8));
  }

  private Map<String, Object> contact(String userId) {
    List<Map<String, Object>> rows = jdbc.queryForList("select mobile, wecom_user_id from staff_contact where user_id = ?", userId);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }
}
