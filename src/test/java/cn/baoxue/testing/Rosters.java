package cn.baoxue.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Registers pupils as a school does: through the roster import, status 在校. */
public final class Rosters {

  private Rosters() {}

  /** A new 11-year-old boy at the given school and village; returns his 身份证号. */
  public static String registerPupil(TestRestTemplate anonymous, String user, String schoolCode, String villageCode) {
    LocalDate birthDate = LocalDate.now().minusYears(11);
    String idNumber = TestStudents.idNumber(birthDate, true);
    String csv = "姓名,身份证号,性别,出生日期,学校代码,年级,村代码,监护人,联系电话,在校状态,辍学原因,特殊群体\n"
        + "李小军," + idNumber + ",男," + birthDate + "," + schoolCode + ",5," + villageCode + ",李大山,13800000009,在校,,\n";
    var imported = EngineRest.as(anonymous, user).upload("/api/imports/roster", "roster.csv", csv);
    assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
    return idNumber;
  }
}
