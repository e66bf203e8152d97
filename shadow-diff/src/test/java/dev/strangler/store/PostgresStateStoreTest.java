package dev.strangler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.routing.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresStateStoreTest extends StateStoreContract {
  @RegisterExtension static final EmbeddedPostgresDatabases postgres = new EmbeddedPostgresDatabases("state");

  @Override
  protected String freshUrl() throws Exception {
    return postgres.freshUrl();
  }

  @Test
  void aListenerHearsEveryCommittedFlipAndNothingElse() throws Exception {
    try (StateStore store = StateStore.open(freshUrl());
        AuditListener listener = store.listen().orElseThrow()) {
      assertThat(listener.await(50)).isFalse();
      assertThatThrownBy(() -> store.recordCutover(new Flip("r", Side.NEW, Side.NEW, "", "ops", "a"), Side.LEGACY))
          .isInstanceOf(CutoverConflict.class);
      assertThat(listener.await(200)).as("a refused flip is not announced").isFalse();

      StateStoreContract.flip(store, "r", Side.NEW, "", "ops");

      assertThat(listener.await(5000)).isTrue();
      assertThat(listener.await(50)).isFalse();
    }
  }

  @Test
  void aListenerWhoseConnectionIsGoneSaysSo() throws Exception {
    try (StateStore store = StateStore.open(freshUrl())) {
      AuditListener listener = store.listen().orElseThrow();
      listener.close();
      assertThatThrownBy(() -> listener.await(10)).isInstanceOf(StoreException.class);
    }
  }
}
