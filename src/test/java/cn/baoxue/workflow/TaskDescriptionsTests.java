package cn.baoxue.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.QuickTier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * A user task's documentation is what Tasklist shows under 说明 as the task's description, so it is
 * written for the person doing the task, in Chinese (the models' other documentation is for analysts
 * and developers, in English).
 */
@QuickTier
class TaskDescriptionsTests {

  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  /** Three English words in a row: a sentence, not an API path or a code. */
  private static final Pattern ENGLISH_PROSE = Pattern.compile("[A-Za-z]+[ ,]+[A-Za-z]+[ ,]+[A-Za-z]+");

  @Test
  void everyUserTaskDescriptionIsInChinese() throws IOException {
    List<Path> models;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      models = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(models).isNotEmpty();
    for (Path model : models) {
      for (UserTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)) {
        for (Documentation documentation : task.getDocumentations()) {
          String text = documentation.getTextContent();
          String where = model.getFileName() + "/" + task.getId();
          assertThat(CHINESE.matcher(text).find()).as("%s: %s", where, text).isTrue();
          assertThat(ENGLISH_PROSE.matcher(text.replaceAll("(GET|POST|PUT|DELETE) /\\S+", "")).find())
              .as("%s: %s", where, text).isFalse();
        }
      }
    }
  }
}
