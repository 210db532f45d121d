package cn.baoxue.cases;

import cn.baoxue.testing.QuickTier;
import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

@QuickTier
class IdNumberTests {

  @Test
  void acceptsANumberWithAValidCheckDigitAndReadsBirthDateAndGender() {
    IdNumber id = IdNumber.parse(" 530627201403051230 ");

    assertThat(id.value()).isEqualTo("530627201403051230");
    assertThat(id.birthDate()).contains(LocalDate.of(2014, 3, 5));
    assertThat(id.gender()).isEqualTo("M");
  }

  @Test
  void acceptsALowerCaseXAsCheckDigit() {
    // 11010519491231002X is the standard's own example
    assertThat(IdNumber.parse("11010519491231002x").value()).isEqualTo("11010519491231002X");
    assertThat(IdNumber.parse("11010519491231002X").gender()).isEqualTo("F");
  }

  @Test
  void refusesAWrongCheckDigit() {
    assertThatThrownBy(() -> IdNumber.parse("530627201403051231"))
        .isInstanceOf(InvalidCaseInputException.class)
        .hasMessageStartingWith("身份证号校验位不正确");
  }

  @Test
  void refusesAnImpossibleBirthDate() {
    // 2014-02-30 with a matching check digit
    assertThatThrownBy(() -> IdNumber.parse(withCheckDigit("53062720140230123")))
        .hasMessageStartingWith("身份证号中的出生日期无效");
  }

  @Test
  void refusesWrongLengthAndLetters() {
    assertThatThrownBy(() -> IdNumber.parse("5306272014")).hasMessageStartingWith("身份证号须为18位");
    assertThatThrownBy(() -> IdNumber.parse("53062720140305123A")).hasMessageStartingWith("身份证号须为18位");
    assertThatThrownBy(() -> IdNumber.parse(null)).hasMessageStartingWith("身份证号须为18位");
  }

  @Test
  void masksAllButRegionAndLastFour() {
    assertThat(IdNumber.mask("530627201403051230")).isEqualTo("530627********1230");
  }

  private static String withCheckDigit(String body) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * weights[i];
    }
    return body + "10X98765432".charAt(sum % 11);
  }
}
