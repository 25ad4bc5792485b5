package org.commonground.hub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PersonRatesTest {
  private static final long SECOND = 1_000_000_000L;
  private final PersonRates rates = new PersonRates(HubSettings.DEFAULTS.withPerPerson(5, 1, 2));

  @Test
  @DisplayName("one person's commands share one rate, however many sockets they send from; others have their own")
  void perPerson() {
    assertThat(rates.tryTake("ann", 0)).isTrue();
    assertThat(rates.tryTake("ann", 0)).isTrue();
    assertThat(rates.tryTake("ann", 0)).as("burst of 2 spent").isFalse();
    assertThat(rates.tryTake("bob", 0)).isTrue();
    assertThat(rates.tryTake("ann", SECOND)).as("one a second comes back").isTrue();
  }

  @Test
  @DisplayName("someone whose last connection went starts afresh when they come back")
  void forgotten() {
    rates.tryTake("ann", 0);
    rates.tryTake("ann", 0);
    rates.forget("ann");
    assertThat(rates.tryTake("ann", 0)).isTrue();
  }
}
