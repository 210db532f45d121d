package cn.baoxue.field;

import cn.baoxue.web.CanonicalPath;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The field API answers its paths only as the app spells them: no percent-encoded character, no
 * matrix parameter, no empty or dot segment, no trailing slash ({@link CanonicalPath}).
 */
@Component
class FieldPathSpelling extends CanonicalPath {

  FieldPathSpelling(ObjectMapper json) {
    super(json, Pattern.compile("/api/field(/[A-Za-z0-9-]+)+"), "请求地址的写法不规范，请使用保学外勤应用提交");
  }
}
