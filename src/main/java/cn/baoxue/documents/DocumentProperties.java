package cn.baoxue.documents;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** baoxue.documents: the candidate Chinese fonts, first found wins ("path" or "path,faceIndex"). */
@ConfigurationProperties("baoxue.documents")
public record DocumentProperties(List<String> fonts) {}
