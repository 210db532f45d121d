package cn.baoxue.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.ChineseBrowser;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each role's home page offers what the role does and nothing it may not open: every link answers
 * 200 for that role, the Camunda webapps it links are among the apps the role is granted, and the
 * pages it may not use are not there (teachers meet no Cockpit, Admin or 督导审计; the auditor no form
 * that would end in 403). The auditor's refused write ends on a Chinese page that links home.
 */
@BaoxueWebTest
class HomePageTests {

  private static final Pattern LINK = Pattern.compile("<a\\b[^>]*\\bhref=\"([^\"]+)\"");
  private static final Pattern TAGS = Pattern.compile("<[^>]+>");

  @LocalServerPort int port;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "teacher-changan    | 李明华 | /camunda/app/tasklist/default/,/cases,/ledgers/children,/imports/roster,/students/changes,/reports/dashboard | /audit/cases,/camunda/app/cockpit/default/,/camunda/app/admin/default/,/admin/org,/admin/staff",
      "principal-changan  | 王建国 | /camunda/app/tasklist/default/,/cases,/imports/roster | /audit/cases,/camunda/app/cockpit/default/,/camunda/app/admin/default/,/admin/org",
      "cadre-changan      | 杨国富 | /camunda/app/tasklist/default/,/cases,/ledgers/children,/reports/dashboard | /imports/roster,/students/changes,/audit/cases,/camunda/app/cockpit/default/,/camunda/app/admin/default/,/admin/org",
      "official-jianshan  | 赵文斌 | /camunda/app/tasklist/default/,/cases,/ledgers/children,/students/changes,/reports/dashboard,/audit/cases | /imports/roster,/camunda/app/cockpit/default/,/camunda/app/admin/default/,/admin/org",
      "bureau-zhenxiong   | 周正华 | /camunda/app/tasklist/default/,/cases,/imports/roster,/students/changes,/reports/dashboard,/audit/cases | /camunda/app/cockpit/default/,/camunda/app/admin/default/,/admin/org",
      "womenfed-zhenxiong | 吴秀英 | /camunda/app/tasklist/default/,/cases,/reports/dashboard | /imports/roster,/students/changes,/audit/cases,/camunda/app/cockpit/default/,/camunda/app/admin/default/",
      "auditor            | 郑平   | /cases,/ledgers/children,/reports/dashboard,/audit/cases,/camunda/app/cockpit/default/ | /camunda/app/tasklist/default/,/imports/roster,/students/changes,/camunda/app/admin/default/,/admin/org,/admin/staff",
      "admin              | 系统管理员 | /cases,/audit/cases,/camunda/app/cockpit/default/,/camunda/app/admin/default/,/admin/org,/admin/staff,/imports/roster | /camunda/app/tasklist/default/"})
  void everyLinkOfARolesHomePageOpensForThatRole(String user, String name, String offered, String notOffered) {
    Caller caller = Caller.loggedIn(port, user);
    Caller.Reply home = caller.get("/");
    assertThat(home.status()).isEqualTo(200);
    Set<String> links = links(home.body());

    assertThat(links).containsAll(Set.of(offered.split(",")));
    assertThat(links).doesNotContainAnyElementsOf(Set.of(notOffered.split(",")));
    for (String link : links) {
      assertThat(caller.get(link).status()).as("%s opens %s from the home page", user, link).isEqualTo(200);
    }
    String apps = caller.get("/camunda/api/admin/auth/user/default").body();
    for (String app : new String[] {"tasklist", "cockpit", "admin"}) {
      if (links.contains("/camunda/app/" + app + "/default/")) {
        assertThat(apps).as("%s is granted the %s it is offered", user, app).contains("\"" + app + "\"");
      }
    }
    String text = TAGS.matcher(home.body().substring(home.body().indexOf("<body"))).replaceAll(" ");
    assertThat(text).contains(name);
    assertThat(ChineseBrowser.unreadableByPeople(text)).as("what %s reads on the home page", user).isEmpty();
  }

  @Test
  void theAuditorsRefusedWriteEndsOnAChinesePageThatLinksHome() {
    Caller auditor = Caller.loggedIn(port, "auditor").header("Accept", "text/html");
    Caller.Reply refused = auditor.postForm("/cases/530627-2026-00001/contacts", Map.of("type", "VISIT", "date", "2026-12-07"));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("您没有权限访问此页面或办理这一事项", "督导审计账号只能查阅", "href=\"/\"", "返回首页");
  }

  private static Set<String> links(String html) {
    Set<String> links = new LinkedHashSet<>();
    Matcher m = LINK.matcher(html);
    while (m.find()) {
      links.add(m.group(1).replace("&amp;", "&"));
    }
    return links;
  }
}
