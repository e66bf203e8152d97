package dev.strangler.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import org.junit.jupiter.api.Test;

class DiffTest {

  private static String shape(String path) {
    return new Diff(path, DiffKind.CHANGED, null, null).shape();
  }

  @Test
  void shapeReplacesIndicesAndKeys() {
    assertThat(shape("$.comments[2].text")).isEqualTo("$.comments[*].text");
    assertThat(shape("$.comments[author=ada].text")).isEqualTo("$.comments[*].text");
    assertThat(shape("$.a[k='x]y'][3]")).isEqualTo("$.a[*][*]");
    assertThat(shape("$.total")).isEqualTo("$.total");
  }

  @Test
  void shapeKeepsQuotedFieldNames() {
    assertThat(shape("$['a.b'][0]['it\\'s]']")).isEqualTo("$['a.b'][*]['it\\'s]']");
  }

  @Test
  void kindIdsAreLowerCase() {
    assertThat(DiffKind.TYPE_CHANGED.id()).isEqualTo("type_changed");
    assertThat(DiffKind.STATUS.id()).isEqualTo("status");
  }

  @Test
  void statusDiffComesFirst() {
    Diff body = new Diff("$.a", DiffKind.CHANGED, IntNode.valueOf(1), IntNode.valueOf(2));
    assertThat(StatusCheck.compare(200, 200)).isEmpty();
    assertThat(StatusCheck.withStatus(200, 500, java.util.List.of(body))).containsExactly(
        new Diff("$", DiffKind.STATUS, IntNode.valueOf(200), IntNode.valueOf(500)), body);
    assertThat(StatusCheck.withStatus(200, 200, java.util.List.of(body))).containsExactly(body);
  }
}
