package cn.baoxue.care;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 结对关爱 through its two doors: 尖山乡 pairs 长安村小学's teacher with an orphan of 长安村; she and
 * the township log contacts. Everyone else — another township, a colleague who is not the paired
 * one, a village cadre, an auditor — is refused; undeclared fields, bad kinds and amounts, odd path
 * spellings and cross-site writes are refused with nothing written.
 */
@BaoxueWebTest
class CarePairingsApiTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PAIRINGS = "/api/care/pairings";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theTownshipPairsATeacherWithAnOrphanAndBothLogContactsEveryOneAudited() throws Exception {
    Caller township = Caller.basic(port, "official-jianshan");
    String idNumber = CarePeople.idNumber();
    long auditBefore = auditEntries();

    Reply created = township.postJson(PAIRINGS, pairing("ORPHAN", idNumber, "王小花", "teacher-changan",
        TestStudents.CHANGAN_VILLAGE, TestStudents.CHANGAN_SCHOOL));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    JsonNode p = JSON.readTree(created.body());
    long id = p.get("id").asLong();
    assertThat(p.get("kindLabel").asText()).isEqualTo("孤儿");
    assertThat(p.get("idNumber").asText()).as("the township sees it in full").isEqualTo(idNumber);
    assertThat(p.get("helperName").asText()).isEqualTo("李明华（长安村小学）");
    assertThat(p.get("village").asText()).isEqualTo("长安村");
    assertThat(p.get("township").asText()).isEqualTo("尖山乡");
    assertThat(p.get("school").asText()).isEqualTo("长安村小学");
    assertThat(p.get("createdByUnit").asText()).isEqualTo("尖山乡");
    assertThat(jdbc.queryForMap("select township_code, county_code, created_by_group from care_pairing where id = ?", id))
        .containsEntry("TOWNSHIP_CODE", "530627205").containsEntry("COUNTY_CODE", "530627")
        .containsEntry("CREATED_BY_GROUP", "township_530627205");

    Caller helper = Caller.basic(port, "teacher-changan");
    String today = LocalDate.now().toString();
    assertThat(helper.postJson(contacts(id), "{\"type\":\"PHONE\",\"date\":\"" + today + "\",\"notes\":\"询问生活和学习情况\"}").status())
        .isEqualTo(201);
    Reply funds = helper.postJson(contacts(id), "{\"type\":\"资助资金\",\"date\":\"" + today + "\",\"amountYuan\":300.5}");
    assertThat(funds.status()).as("%s", funds).isEqualTo(201);
    assertThat(JSON.readTree(funds.body()).get("typeLabel").asText()).isEqualTo("资助资金");
    assertThat(JSON.readTree(funds.body()).get("amountYuan").decimalValue()).isEqualByComparingTo("300.50");
    assertThat(township.postJson(contacts(id), "{\"type\":\"ESCALATED\",\"date\":\"" + today + "\",\"notes\":\"申请临时救助\"}").status())
        .as("the creating unit logs too").isEqualTo(201);

    Reply read = helper.get(PAIRINGS + "/" + id);
    assertThat(read.status()).isEqualTo(200);
    JsonNode whole = JSON.readTree(read.body());
    assertThat(whole.get("contacts")).extracting(c -> c.get("type").asText() + "/" + c.get("recordedByName").asText())
        .containsExactly("PHONE/李明华（长安村小学）", "FUNDS/李明华（长安村小学）", "ESCALATED/赵文斌（尖山乡）");
    assertThat(whole.at("/pairing/mayLog").asBoolean()).isTrue();
    assertThat(JSON.readTree(helper.get(PAIRINGS).body())).extracting(n -> n.get("id").asLong()).contains(id);

    // The village cadre of 长安村 reads it (her village), masked, and may not log.
    Reply cadre = Caller.basic(port, "cadre-changan").get(PAIRINGS + "/" + id);
    assertThat(cadre.status()).isEqualTo(200);
    assertThat(JSON.readTree(cadre.body()).at("/pairing/idNumber").asText())
        .isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14)).isNotEqualTo(idNumber);
    assertThat(JSON.readTree(cadre.body()).at("/pairing/mayLog").asBoolean()).isFalse();

    assertThat(jdbc.queryForObject("select count(*) from care_contact where pairing_id = ?", Long.class, id)).isEqualTo(3);
    assertThat(auditEntries() - auditBefore).isEqualTo(4);
    assertThat(jdbc.queryForObject("select count(*) from audit_trail where entry_kind = 'CARE_PAIRING' and ref_id = ? and actor = 'official-jianshan'",
        Long.class, id)).isEqualTo(1);
    assertThat(jdbc.queryForList("select payload from audit_trail where entry_kind = 'CARE_PAIRING' and ref_id = ?", String.class, id))
        .singleElement().asString().doesNotContain(idNumber).contains("kind=ORPHAN", "helper=teacher-changan");
    assertThat(jdbc.queryForObject("select count(*) from audit_trail a join care_contact k on k.id = a.ref_id"
        + " where a.entry_kind = 'CARE_CONTACT' and k.pairing_id = ?", Long.class, id)).isEqualTo(3);
    Reply verified = Caller.basic(port, "auditor").get("/api/audit/verify");
    assertThat(JSON.readTree(verified.body()).get("intact").asBoolean()).as("%s", verified).isTrue();
  }

  @Test
  void anotherTownshipsPairingIsNeitherShownNorWrittenTo() throws Exception {
    long id = jianshanPairing();
    long[] before = counts();
    for (String outsider : List.of("official-nantai", "teacher-nantai", "cadre-nantai", "teacher-jianshan", "bureau-yiliang")) {
      Caller caller = Caller.basic(port, outsider);
      Reply read = caller.get(PAIRINGS + "/" + id);
      assertThat(read.status()).as(outsider + " %s", read).isEqualTo(404);
      assertThat(read.body()).contains("结对关爱不存在或不在您的管辖范围内").doesNotContain("王小草");
      Reply write = caller.postJson(contacts(id), "{\"type\":\"PHONE\",\"date\":\"" + LocalDate.now() + "\"}");
      assertThat(write.status()).as(outsider + " %s", write).isEqualTo(404);
      assertThat(caller.get(PAIRINGS).body()).as(outsider).doesNotContain("\"id\":" + id + ",");
    }
    // 南台镇 cannot pair a child of 尖山乡's 长安村, nor pair 尖山乡 with 南台镇's staff.
    Reply foreignVillage = Caller.basic(port, "official-nantai").postJson(PAIRINGS,
        pairing("ORPHAN", CarePeople.idNumber(), "王小草", "teacher-nantai", TestStudents.CHANGAN_VILLAGE, null));
    assertThat(foreignVillage.status()).isEqualTo(400);
    assertThat(foreignVillage.body()).contains("\"field\":\"villageCode\"", "长安村不在您的管辖范围内");
    Reply foreignHelper = Caller.basic(port, "official-jianshan").postJson(PAIRINGS,
        pairing("ORPHAN", CarePeople.idNumber(), "王小草", "teacher-nantai", TestStudents.CHANGAN_VILLAGE, null));
    assertThat(foreignHelper.status()).isEqualTo(400);
    assertThat(foreignHelper.body()).contains("\"field\":\"helper\"", "结对帮扶人须是您辖区内的工作人员");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void onlyThePairedHelperAndTheCreatingUnitLogContacts() {
    long id = jianshanPairing();
    long[] before = counts();
    // Her principal and the village cadre read the pairing; the county bureau reads it too; none of them logs.
    for (String reader : List.of("principal-changan", "cadre-changan", "bureau-zhenxiong", "womenfed-zhenxiong")) {
      Caller caller = Caller.basic(port, reader);
      assertThat(caller.get(PAIRINGS + "/" + id).status()).as(reader).isEqualTo(200);
      Reply refused = caller.postJson(contacts(id), "{\"type\":\"HOME_VISIT\",\"date\":\"" + LocalDate.now() + "\"}");
      assertThat(refused.status()).as(reader + " %s", refused).isEqualTo(403);
      assertThat(refused.body()).contains("只有结对帮扶人和建立结对的单位可以登记关爱记录");
    }
    Reply auditor = Caller.basic(port, "auditor").postJson(contacts(id), "{\"type\":\"PHONE\",\"date\":\"" + LocalDate.now() + "\"}");
    assertThat(auditor.status()).isEqualTo(403);
    // Only the county bureau and townships create pairings.
    for (String creator : List.of("teacher-changan", "cadre-changan", "womenfed-zhenxiong", "bureau-zhaotong", "admin")) {
      Reply refused = Caller.basic(port, creator).postJson(PAIRINGS,
          pairing("ORPHAN", CarePeople.idNumber(), "王小草", "teacher-changan", TestStudents.CHANGAN_VILLAGE, null));
      assertThat(refused.status()).as(creator + " %s", refused).isEqualTo(403);
    }
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void theCountyPairsAnywhereInTheCountyAndOnlyItLogsBesideTheHelper() throws Exception {
    Reply created = Caller.basic(port, "bureau-zhenxiong").postJson(PAIRINGS,
        pairing("SEVERELY_DISABLED", CarePeople.idNumber(), "刘小山", "teacher-changan", TestStudents.NANTAI_VILLAGE, null));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    long id = JSON.readTree(created.body()).get("id").asLong();
    assertThat(JSON.readTree(created.body()).get("createdByUnit").asText()).isEqualTo("镇雄县教育局");
    // 南台镇 answers for the village and reads it, but the bureau made the pairing.
    assertThat(Caller.basic(port, "official-nantai").get(PAIRINGS + "/" + id).status()).isEqualTo(200);
    assertThat(Caller.basic(port, "official-nantai").postJson(contacts(id), "{\"type\":\"PHONE\",\"date\":\"" + LocalDate.now() + "\"}")
        .status()).isEqualTo(403);
    // The helper works in 尖山乡 and still sees and logs her own pairing.
    Caller helper = Caller.basic(port, "teacher-changan");
    assertThat(helper.get(PAIRINGS + "/" + id).status()).isEqualTo(200);
    assertThat(helper.postJson(contacts(id), "{\"type\":\"POLICY\",\"date\":\"" + LocalDate.now() + "\",\"notes\":\"办理残疾人两项补贴\"}")
        .status()).isEqualTo(201);
    assertThat(Caller.basic(port, "bureau-zhenxiong").postJson(contacts(id),
        "{\"type\":\"ERRAND\",\"date\":\"" + LocalDate.now() + "\"}").status()).isEqualTo(201);
  }

  @Test
  void badInputIsRefusedWithItsFieldAndAChineseMessageAndNothingIsWritten() throws Exception {
    long id = jianshanPairing();
    Caller township = Caller.basic(port, "official-jianshan");
    long[] before = counts();
    String good = CarePeople.idNumber();
    Map<String, String> createRefusals = Map.of(
        pairing("ORPHAN", good, "王小草", "teacher-changan", TestStudents.CHANGAN_VILLAGE, null).replace("}", ",\"townshipCode\":\"530627104\"}"),
        "townshipCode=结对关爱不接受字段“townshipCode”",
        pairing("WIDOW", good, "王小草", "teacher-changan", TestStudents.CHANGAN_VILLAGE, null), "kind=未知的关爱对象类别：WIDOW",
        pairing("ORPHAN", good.substring(0, 17) + (good.charAt(17) == '1' ? "2" : "1"), "王小草", "teacher-changan",
            TestStudents.CHANGAN_VILLAGE, null), "idNumber=校验",
        pairing("ORPHAN", good, "<b>王</b>", "teacher-changan", TestStudents.CHANGAN_VILLAGE, null), "name=关爱对象姓名只能包含",
        pairing("ORPHAN", good, "王小草", "nobody-here", TestStudents.CHANGAN_VILLAGE, null), "helper=结对帮扶人须是您辖区内的工作人员",
        pairing("ORPHAN", good, "王小草", "teacher-changan", "530627205999", null), "villageCode=没有这个村",
        pairing("ORPHAN", good, "王小草", "teacher-changan", TestStudents.CHANGAN_VILLAGE, "5306280001"), "schoolCode=角奎小学不在镇雄县",
        "{\"kind\":\"ORPHAN\",\"idNumber\":\"" + good + "\",\"name\":\"王小草\",\"villageCode\":\"" + TestStudents.CHANGAN_VILLAGE + "\"}",
        "helper=结对帮扶人不能为空");
    for (Map.Entry<String, String> refusal : createRefusals.entrySet()) {
      Reply refused = township.postJson(PAIRINGS, refusal.getKey());
      String field = refusal.getValue().substring(0, refusal.getValue().indexOf('='));
      assertThat(refused.status()).as("%s → %s", refusal.getKey(), refused).isEqualTo(400);
      assertThat(refused.body()).as(refusal.getKey()).contains("\"field\":\"" + field + "\"")
          .contains(refusal.getValue().substring(field.length() + 1));
    }
    // The same person of the same kind cannot be paired twice.
    String idNumber = jdbc.queryForObject("select id_number from care_pairing where id = ?", String.class, id);
    Reply twice = township.postJson(PAIRINGS, pairing("ORPHAN", idNumber, "王小草", "cadre-changan", TestStudents.CHANGAN_VILLAGE, null));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.body()).contains("\"field\":\"idNumber\"", "该对象已有“孤儿”结对关爱");
    for (String bad : List.of("[]", "", "{\"kind\":")) {
      Reply refused = township.postJson(PAIRINGS, bad);
      assertThat(refused.status()).as("%s: %s", bad, refused).isEqualTo(400);
      assertThat(refused.body()).containsPattern("[\\u4e00-\\u9fa5]");
    }

    Caller helper = Caller.basic(port, "teacher-changan");
    String today = LocalDate.now().toString();
    Map<String, String> contactRefusals = Map.of(
        "{\"type\":\"PHONE\",\"date\":\"" + today + "\",\"recordedBy\":\"official-jianshan\"}", "recordedBy=关爱记录不接受字段“recordedBy”",
        "{\"type\":\"SMS\",\"date\":\"" + today + "\"}", "type=未知的帮扶方式：SMS",
        "{\"type\":\"FUNDS\",\"date\":\"" + today + "\"}", "amountYuan=资助资金须填写金额（元）",
        "{\"type\":\"FUNDS\",\"date\":\"" + today + "\",\"amountYuan\":-5}", "amountYuan=资助金额须为大于0的数字",
        "{\"type\":\"FUNDS\",\"date\":\"" + today + "\",\"amountYuan\":\"1.005\"}", "amountYuan=最多两位小数",
        "{\"type\":\"FUNDS\",\"date\":\"" + today + "\",\"amountYuan\":\"五百\"}", "amountYuan=资助金额须为数字（元）",
        "{\"type\":\"PHONE\",\"date\":\"" + today + "\",\"amountYuan\":5}", "amountYuan=只有“资助资金”需要填写金额",
        "{\"type\":\"PHONE\",\"date\":\"" + LocalDate.now().plusDays(2) + "\"}", "date=帮扶日期不能晚于今天",
        "{\"type\":\"PHONE\",\"date\":\"2026/12/01\"}", "date=帮扶日期格式应为 yyyy-MM-dd");
    for (Map.Entry<String, String> refusal : contactRefusals.entrySet()) {
      Reply refused = helper.postJson(contacts(id), refusal.getKey());
      String field = refusal.getValue().substring(0, refusal.getValue().indexOf('='));
      assertThat(refused.status()).as("%s → %s", refusal.getKey(), refused).isEqualTo(400);
      assertThat(refused.body()).as(refusal.getKey()).contains("\"field\":\"" + field + "\"")
          .contains(refusal.getValue().substring(field.length() + 1));
    }
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void oddSpellingsOfBothPathsAreRefusedAndNothingIsWritten() {
    long id = jianshanPairing();
    Caller township = Caller.basic(port, "official-jianshan");
    long[] before = counts();
    String create = pairing("ORPHAN", CarePeople.idNumber(), "王小草", "teacher-changan", TestStudents.CHANGAN_VILLAGE, null);
    for (String path : List.of("/api/care/pairings/", "//api/care/pairings", "/api/care%2Fpairings", "/API/care/pairings",
        "/api/Care/pairings", "/api/care/pairings;jsessionid=0123", "/api/care/%70airings", "/api/care/./pairings",
        "/api/care/x/../pairings")) {
      Reply odd = township.send("POST", path, create);
      assertThat(odd.status()).as("%s: %s", path, odd).isBetween(400, 405);
    }
    String contact = "{\"type\":\"PHONE\",\"date\":\"" + LocalDate.now() + "\"}";
    for (String path : List.of(contacts(id) + "/", PAIRINGS + "/" + id + "%2Fcontacts", PAIRINGS + "/0" + id + "/contacts",
        PAIRINGS + "/" + id + "/Contacts", PAIRINGS + "//" + id + "/contacts", PAIRINGS + "/" + id + ";x=1/contacts",
        PAIRINGS + "/%3" + Long.toString(id).charAt(0) + Long.toString(id).substring(1) + "/contacts",
        PAIRINGS + "/+" + id + "/contacts")) {
      Reply odd = township.send("POST", path, contact);
      assertThat(odd.status()).as("%s: %s", path, odd).isBetween(400, 405);
    }
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aCrossSiteOrTokenlessWriteIsRefusedAndNothingIsWritten() {
    long id = jianshanPairing();
    long[] before = counts();
    String create = pairing("ORPHAN", CarePeople.idNumber(), "王小草", "teacher-changan", TestStudents.CHANGAN_VILLAGE, null);
    String contact = "{\"type\":\"PHONE\",\"date\":\"" + LocalDate.now() + "\"}";

    Caller foreignTownship = Caller.basic(port, "official-jianshan").header("Origin", "https://evil.example");
    assertThat(foreignTownship.postJson(PAIRINGS, create).status()).isEqualTo(403);
    Caller foreignHelper = Caller.basic(port, "teacher-changan").header("Origin", "https://evil.example");
    assertThat(foreignHelper.postJson(contacts(id), contact).status()).isEqualTo(403);

    Caller tokenless = Caller.loggedIn(port, "teacher-changan").withoutCsrfToken();
    assertThat(tokenless.postJson(contacts(id), contact).status()).isEqualTo(403);
    assertThat(tokenless.postForm("/care/" + id + "/contacts", Map.of("type", "PHONE", "date", LocalDate.now().toString())).status())
        .isEqualTo(403);
    Caller tokenlessTownship = Caller.loggedIn(port, "official-jianshan").withoutCsrfToken();
    assertThat(tokenlessTownship.postJson(PAIRINGS, create).status()).isEqualTo(403);
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void theHelperLogsFromHerPageAndARefusalComesBackUnderItsField() {
    long id = jianshanPairing();
    Caller helper = Caller.loggedIn(port, "teacher-changan");
    Reply list = helper.get("/care");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("我结对的关爱对象", "王小草", "/care/" + id).doesNotContain("建立结对关爱");
    Reply bad = helper.postForm("/care/" + id + "/contacts", Map.of("type", "FUNDS", "date", LocalDate.now().toString(), "amountYuan", "0"));
    assertThat(bad.status()).isEqualTo(200);
    assertThat(bad.body()).contains("资助金额须为大于0的数字");
    assertThat(jdbc.queryForObject("select count(*) from care_contact where pairing_id = ?", Long.class, id)).isZero();
    Reply good = helper.postForm("/care/" + id + "/contacts",
        Map.of("type", "FUNDS", "date", LocalDate.now().toString(), "amountYuan", "200", "notes", "冬衣"));
    assertThat(good.status()).as("%s", good).isEqualTo(302);
    assertThat(helper.get("/care/" + id).body()).contains("已登记关爱记录", "资助资金", "200", "冬衣");

    Caller township = Caller.loggedIn(port, "official-jianshan");
    Reply form = township.get("/care");
    assertThat(form.body()).contains("建立结对关爱", "李明华（长安村小学）").doesNotContain("张丽（南台小学）");
    Reply refused = township.postForm("/care", Map.of("kind", "ORPHAN", "name", "王小草", "idNumber", "123",
        "villageCode", TestStudents.CHANGAN_VILLAGE, "helper", "teacher-changan"));
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body()).contains("身份证号").contains("value=\"王小草\"");
  }

  // --- helpers ---

  /** A pairing of 尖山乡: 王小草, an orphan of 长安村, with 长安村小学's teacher. */
  private long jianshanPairing() {
    Reply created = Caller.basic(port, "official-jianshan").postJson(PAIRINGS,
        pairing("ORPHAN", CarePeople.idNumber(), "王小草", "teacher-changan", TestStudents.CHANGAN_VILLAGE, TestStudents.CHANGAN_SCHOOL));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    try {
      return JSON.readTree(created.body()).get("id").asLong();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pairing(String kind, String idNumber, String name, String helper, String villageCode, String schoolCode) {
    return "{\"kind\":\"" + kind + "\",\"idNumber\":\"" + idNumber + "\",\"name\":\"" + name + "\",\"helper\":\"" + helper
        + "\",\"villageCode\":\"" + villageCode + "\"" + (schoolCode == null ? "" : ",\"schoolCode\":\"" + schoolCode + "\"") + "}";
  }

  private static String contacts(long id) {
    return PAIRINGS + "/" + id + "/contacts";
  }

  /** Pairings, contacts and audit entries: what a refused request must leave as it was. */
  private long[] counts() {
    return new long[] {
      jdbc.queryForObject("select count(*) from care_pairing", Long.class),
      jdbc.queryForObject("select count(*) from care_contact", Long.class),
      auditEntries()
    };
  }

  private long auditEntries() {
    return jdbc.queryForObject("select count(*) from audit_trail where entry_kind like 'CARE_%'", Long.class);
  }
}
