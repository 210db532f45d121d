package cn.baoxue.children;

import java.time.LocalDate;
import java.util.List;

/**
 * One record of a child as the duplicate list and the merge read it: who she is, where she lives,
 * her cases. Personal numbers are as the reader may see them ({@code cases.PersonalDataPolicy}).
 */
public record ChildOnRecord(long id, String name, String idNumber, boolean provisional, String gender, String birthDate,
    String guardianName, String school, String village, String township, String countyCode, List<String> openCases,
    List<String> closedCases) {

  /** The facts compared for a duplicate, in full whatever the reader sees. */
  record Facts(long id, String name, LocalDate birthDate, String guardianName, String villageCode) {}
}
