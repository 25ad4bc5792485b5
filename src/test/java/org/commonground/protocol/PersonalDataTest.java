package org.commonground.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Spotting personal data before it is shared")
class PersonalDataTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "my NHS number is 943 476 5919 | nhs-number",
      "nhs 9434765919 | nhs-number",
      "ring me on 07700 900123 | phone",
      "call 020 7946 0018 please | phone",
      "+44 7700 900123 after 6 | phone",
      "sam.okafor@example.org | email",
      "write to Sam+cafe@nhs.net | email"})
  @DisplayName("contact details and NHS numbers are flagged")
  void flagged(String text, String kind) {
    assertThat(PersonalData.detect(text)).containsExactly(kind);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "tea at 2am, 10 minutes walk",
      "open 24/7 like A&E but calmer",
      "we waited 3 hours in 2023",
      "a room for 12 people, 3 sofas",
      "@ the front door, a welcome",
      "ward 7b is too loud"})
  @DisplayName("ordinary notes with numbers are not flagged")
  void notFlagged(String text) {
    assertThat(PersonalData.detect(text)).isEmpty();
  }
}
