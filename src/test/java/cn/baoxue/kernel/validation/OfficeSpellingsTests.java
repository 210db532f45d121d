package cn.baoxue.kernel.validation;

import cn.baoxue.testing.QuickTier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Days and 身份证号 as Chinese offices write them in their spreadsheets. */
@QuickTier
class OfficeSpellingsTests {

  private static final LocalDate DAY = LocalDate.of(2016, 2, 25);
  private static final String ID = IdNumber.withCheckDigit("53062720160225002");

  @ParameterizedTest
  @ValueSource(strings = {"2016-02-25", "2016-2-25", "2016/2/25", "2016/02/25", "2016.2.25", "2016年2月25日", "2016年02月25日",
      "2016 年 2 月 25 日", "20160225", "２０１６年２月２５日", "２０１６／２／２５", "42425", "42425.0", "2016-02-25 00:00:00",
      "2016/2/25 0:00", " 2016-02-25 "})
  void everyUsualSpellingOfADayIsRead(String spelling) {
    assertThat(Inputs.officeDay(spelling)).contains(DAY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"25/02/2016", "02/25/2016", "2016-02-30", "2016-13-01", "2016年2月", "二〇一六年二月二十五日", "2016225", "昨天"})
  void anAmbiguousOrImpossibleDayIsNotGuessed(String spelling) {
    assertThat(Inputs.officeDay(spelling)).isEmpty();
    Inputs in = new Inputs();
    assertThat(in.officeDate("birthDate", spelling, "出生日期")).isNull();
    assertThat(in.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.field()).isEqualTo("birthDate");
      assertThat(problem.message()).startsWith("出生日期无法识别：" + spelling.trim()).contains("2016/2/25", "2016年2月25日");
    });
  }

  @Test
  void anIdNumberWithALowerCaseXOrFullWidthDigitsIsTheSameNumber() {
    String withX = IdNumber.withCheckDigit("53062720100225001");
    assertThat(withX).as("a number whose check digit is X, for this test").endsWith("X");
    assertThat(IdNumber.parse(withX.toLowerCase()).value()).isEqualTo(withX);
    assertThat(IdNumber.parse(fullWidth(ID)).value()).isEqualTo(ID);
    assertThat(IdNumber.parse(fullWidth(withX).replace('X', 'ｘ')).value()).isEqualTo(withX);
    assertThat(IdNumber.parse("'" + ID).value()).as("Excel's text apostrophe").isEqualTo(ID);
    assertThat(IdNumber.parse(ID.substring(0, 6) + " " + ID.substring(6)).value()).isEqualTo(ID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"5.30627E+17", "5.30627201602250E+17", "5.30627E17", "５.３０６２７Ｅ＋１７", "530627201602250000"})
  void anIdNumberExcelStoredAsANumberIsRefusedForThatReason(String asExcelWroteIt) {
    assertThatThrownBy(() -> IdNumber.parse(asExcelWroteIt))
        .isInstanceOf(InvalidCaseInputException.class)
        .hasMessage("身份证号被 Excel 存成了数字，后几位已丢失，请把该列设为文本后重新填写");
  }

  @Test
  void aMistypedIdNumberIsStillAMistypedIdNumber() {
    String wrong = ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1');
    assertThatThrownBy(() -> IdNumber.parse(wrong)).hasMessageStartingWith("身份证号校验位不正确");
    assertThatThrownBy(() -> IdNumber.parse("53062720160225")).hasMessageStartingWith("身份证号须为18位");
  }

  private static String fullWidth(String ascii) {
    StringBuilder out = new StringBuilder();
    for (char c : ascii.toCharArray()) {
      out.append(Character.isDigit(c) ? (char) (c - '0' + '０') : c == 'X' ? 'Ｘ' : c);
    }
    return out.toString();
  }
}
