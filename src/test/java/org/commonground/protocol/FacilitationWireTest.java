package org.commonground.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.workshop.Scenario.FACILITATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.commonground.protocol.ServerFrames.You;
import org.commonground.workshop.Actor;
import org.commonground.workshop.Code;
import org.commonground.workshop.Command;
import org.commonground.workshop.Emitted;
import org.commonground.workshop.Event;
import org.commonground.workshop.Role;
import org.commonground.workshop.Scenario;
import org.commonground.workshop.Settings;
import org.commonground.workshop.SuggestedGroup;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wire shapes of the facilitation commands, events and fields (docs/protocol.md, Extensions). */
@DisplayName("Facilitation on the wire: park, floor, hands, suggestion ids, themeEditing")
class FacilitationWireTest {

  private static Command decode(String name, String argsJson) {
    return CommandDecoder.decode(name, new Args(Json.parseObject(argsJson)));
  }

  @Test
  @DisplayName("contribution.park {id}, floor.give {participantId}, hand.lower {participantId?} decode to their commands")
  void commands() {
    assertThat(decode("contribution.park", "{\"id\":\"c4\"}")).isEqualTo(new Command.ParkContribution("c4"));
    assertThat(decode("floor.give", "{\"participantId\":\"p3\"}")).isEqualTo(new Command.FloorGive("p3"));
    assertThat(decode("hand.lower", "{}")).isEqualTo(new Command.HandLower());
    assertThat(decode("hand.lower", "{\"participantId\":null}")).isEqualTo(new Command.HandLower());
    assertThat(decode("hand.lower", "{\"participantId\":\"p3\"}")).isEqualTo(new Command.HandLower("p3"));
  }

  @Test
  @DisplayName("themes.accept takes ids, or indexes (older clients), or neither (all)")
  void accept() {
    assertThat(decode("themes.accept", "{\"ids\":[\"s2\",\"s5\"]}"))
        .isEqualTo(new Command.ThemesAccept(null, List.of("s2", "s5")));
    assertThat(decode("themes.accept", "{\"indexes\":[1]}")).isEqualTo(new Command.ThemesAccept(List.of(1)));
    assertThat(decode("themes.accept", "{}")).isEqualTo(new Command.ThemesAccept(null, null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "contribution.park | {}",
      "contribution.park | {\"id\":7}",
      "floor.give        | {}",
      "floor.give        | {\"participantId\":[\"p3\"]}",
      "hand.lower        | {\"participantId\":3}",
      "themes.accept     | {\"ids\":\"s1\"}",
      "themes.accept     | {\"ids\":[1]}",
      "themes.accept     | {\"ids\":[\"s1\"],\"indexes\":[0]}"})
  @DisplayName("wrong types, missing fields and ids with indexes are INVALID")
  void invalid(String name, String args) {
    assertThatThrownBy(() -> decode(name, args)).as("%s %s", name, args)
        .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID));
  }

  @Test
  @DisplayName("settings.themeEditing is read at creation and in workshop.update; another value is INVALID")
  void themeEditingSetting() {
    WorkshopSpecs.Spec everyone = WorkshopSpecs.parse(Json.parseObject(
        "{\"title\":\"T\",\"settings\":{\"themeEditing\":\"everyone\"}}"));
    assertThat(everyone.settings().themeEditing()).isEqualTo(Settings.ThemeEditing.EVERYONE);
    assertThat(WorkshopSpecs.parse(Json.parseObject("{\"title\":\"T\"}")).settings().themeEditing())
        .isEqualTo(Settings.ThemeEditing.FACILITATORS);
    assertThat(decode("workshop.update", "{\"settings\":{\"themeEditing\":\"facilitators\"}}"))
        .isEqualTo(new Command.WorkshopUpdate(null, new org.commonground.workshop.SettingsPatch(
            null, null, null, null, null, null, null, null, Settings.ThemeEditing.FACILITATORS)));
    for (String bad : List.of("\"all\"", "\"Everyone\"", "true")) {
      assertThatThrownBy(() -> decode("workshop.update", "{\"settings\":{\"themeEditing\":" + bad + "}}"))
          .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID));
    }
  }

  @Test
  @DisplayName("workshop.settings carries themeEditing in the welcome state and in workshop.updated")
  void themeEditingShown() {
    Scenario w = Scenario.workshop(Scenario.settingsWithThemeEditing(Settings.ThemeEditing.EVERYONE));
    JsonNode state = ServerFrames.state(w.state(), new You("p1", Role.FACILITATOR, "F"), Set.of(), Scenario.T0);
    assertThat(state.at("/workshop/settings/themeEditing").asText()).isEqualTo("everyone");

    JsonNode data = EventFrames.data(new Event.WorkshopUpdated("w", "T", "ABC234",
        org.commonground.workshop.WorkshopState.Status.RUNNING, Settings.DEFAULTS), Scenario.T0);
    assertThat(data.at("/workshop/settings/themeEditing").asText()).isEqualTo("facilitators");
  }

  @Test
  @DisplayName("each suggestion carries its id in themes.suggested and in the welcome state's suggestions")
  void suggestionIds() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    String c1 = w.post(sam, "one");
    String c2 = w.post(sam, "two");
    Emitted recorded = w.accepted(new Command.RecordSuggestions(List.of(new SuggestedGroup("A", List.of(c1)),
        new SuggestedGroup("B", List.of(c2)))), FACILITATOR).events().get(0);

    JsonNode event = EventFrames.data(recorded.event(), Scenario.T0);
    assertThat(event.toString()).isEqualTo(
        "{\"suggestions\":[{\"id\":\"s1\",\"label\":\"A\",\"contributionIds\":[\"c1\"]},"
            + "{\"id\":\"s2\",\"label\":\"B\",\"contributionIds\":[\"c2\"]}]}");
    JsonNode state = ServerFrames.state(w.state(), new You("p1", Role.FACILITATOR, "F"), Set.of(), Scenario.T0);
    assertThat(state.get("suggestions")).isEqualTo(event.get("suggestions"));
  }

  @Test
  @DisplayName("events stored before these fields read back with defaults: settings as facilitators, suggestions numbered by position")
  void storedBefore() {
    String created = "{\"seq\":1,\"ts\":1,\"by\":\"p1\",\"e\":{\"type\":\"WorkshopCreated\",\"id\":\"w\",\"title\":\"T\","
        + "\"joinCode\":\"ABC234\",\"settings\":{\"anonymity\":\"OPTIONAL\",\"votesPerParticipant\":5,"
        + "\"maxParticipants\":500,\"stakeholderGroups\":[],\"minGroupSize\":3,\"confidential\":false,"
        + "\"retentionDays\":30},\"phases\":[{\"index\":0,\"title\":\"P\",\"minutes\":5,\"prompt\":null,"
        + "\"allow\":[]}],\"facilitator\":{\"id\":\"p1\",\"name\":\"F\",\"role\":\"FACILITATOR\",\"group\":null},"
        + "\"createdAt\":1}}";
    String suggested = "{\"seq\":9,\"ts\":1,\"by\":null,\"e\":{\"type\":\"ThemesSuggested\",\"suggestions\":"
        + "[{\"label\":\"A\",\"contributionIds\":[\"c1\"]},{\"label\":\"B\",\"contributionIds\":[\"c2\"]}]}}";

    Event.WorkshopCreated c = (Event.WorkshopCreated) SequencedEvent.parse(created).event();
    Event.ThemesSuggested g = (Event.ThemesSuggested) SequencedEvent.parse(suggested).event();

    assertThat(c.settings().themeEditing()).isEqualTo(Settings.ThemeEditing.FACILITATORS);
    assertThat(g.suggestions()).extracting(SuggestedGroup::id).containsExactly("s0-1", "s0-2");
  }
}
