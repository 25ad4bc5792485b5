package org.commonground.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.commonground.workshop.Allow;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.Action;
import org.commonground.workshop.ActionStatus;
import org.commonground.workshop.CarriedFrom;
import org.commonground.workshop.Emitted;
import org.commonground.workshop.Series;
import org.commonground.workshop.Event;
import org.commonground.workshop.SuggestedGroup;
import org.commonground.workshop.Theme;
import org.commonground.workshop.Spotlight;
import org.commonground.workshop.Poll;
import org.commonground.workshop.WorkshopState;
import org.commonground.workshop.PhaseState;
import org.commonground.workshop.ParkingStatus;
import org.commonground.workshop.Kind;
import org.commonground.workshop.Participant;
import org.commonground.workshop.PhaseDef;
import org.commonground.workshop.Role;
import org.commonground.workshop.Settings;
import org.commonground.workshop.StakeholderGroup;
import org.commonground.workshop.Templates;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The stored form of events (what Redis holds and pub/sub carries)")
class SequencedEventTest {
  private static final long TS = 1_795_000_001_234L;

  private static final Contribution ANONYMOUS = new Contribution("c7", 1, Kind.QUESTION, "Who decides?", "p4",
      "experts-by-experience", true, null, null, TS - 10, null, false,
      Map.of("agree", Set.of("p2", "p3"), "heart", Set.of("p5")), 2, null, null);
  private static final Contribution SCRIBED = new Contribution("c8", 0, Kind.TAKEAWAY, "Ask us first",
      "p1", "carers", false, "Mrs Khan", "t3", TS - 5, TS - 1, true, Map.of(), 0, null, null);

  /** At least one sample of every event type, with the fields most likely to get lost. */
  static Stream<Emitted> samples() {
    Settings custom = new Settings(Settings.Anonymity.ALWAYS, 7, 40,
        List.of(new StakeholderGroup("staff", "Staff"), new StakeholderGroup("patients", "Patients")),
        2, true, 90, true, Settings.ThemeEditing.EVERYONE);
    List<PhaseDef> phases = List.of(
        new PhaseDef(0, "Arrive", 5, "Say hello", EnumSet.of(Allow.HAND)),
        new PhaseDef(1, "Think", 20, null, EnumSet.noneOf(Allow.class)),
        new PhaseDef(2, "Decide", 15, null, EnumSet.allOf(Allow.class)));
    return Stream.of(
        new Emitted("p1", new Event.WorkshopCreated("w1", "Crisis café", "ABC234", Settings.DEFAULTS,
            Templates.named("icic-3-phase").orElseThrow(), new Participant("p1", "Facilitator", Role.FACILITATOR, null),
            TS)),
        new Emitted("p1", new Event.WorkshopCreated("w2", "Custom \"quoted\" title \u00e9\uD83D\uDE00", "XYZ789", custom,
            phases, new Participant("p1", "Jo", Role.FACILITATOR, "staff"), TS)),
        new Emitted("p2", new Event.ParticipantJoined(new Participant("p2", "Sam", Role.PARTICIPANT, "carers"))),
        new Emitted("p1", new Event.ParticipantJoined(new Participant("p3", "Priya", Role.FACILITATOR, null))),
        new Emitted(null, new Event.ContributionAdded(ANONYMOUS)),
        new Emitted("p1", new Event.ContributionAdded(SCRIBED)),
        new Emitted(null, new Event.ContributionUpdated(ANONYMOUS.withText("Who decides, and when?", TS))),
        new Emitted("p1", new Event.ContributionRemoved("c8", true, "names a colleague")),
        new Emitted("p4", new Event.ContributionRemoved("c9", false, null)),
        new Emitted(null, new Event.ContributionReacted("c7", "agree", "p3", false,
            Map.of("agree", Set.of("p2"), "heart", Set.of("p5")))),
        new Emitted("p2", new Event.ContributionReacted("c1", "insight", "p2", true, Map.of("insight", Set.of("p2")))),
        new Emitted("p1", new Event.ContributionUpdated(
            Contribution.posted("c10", 1, Kind.PARKING, "Pay for experts' time", "p2", null, false, null, TS)
                .withParking(ParkingStatus.HANDED_ON, "Commissioning lead"))),
        new Emitted("p1", new Event.PhaseChanged(new PhaseState(1, PhaseState.Status.RUNNING, TS, TS + 60_000, null))),
        new Emitted("p1", new Event.PhaseChanged(new PhaseState(1, PhaseState.Status.PAUSED, TS, null, 42_000L))),
        new Emitted("p1", new Event.WorkshopUpdated("w1", "New title", "ABC234", WorkshopState.Status.RUNNING, custom)),
        new Emitted(null, new Event.ReadyChanged(Set.of("p2", "p3"))),
        new Emitted(null, new Event.VotesChanged("c7", "p2", 1, 4)),
        new Emitted("p1", new Event.PollOpened(new Poll("q1", "Which first?", List.of("a", "b"), Poll.Status.OPEN, Map.of()))),
        new Emitted(null, new Event.PollTallied("q1", Map.of("p2", 1, "p3", 0), List.of(1, 1))),
        new Emitted("p1", new Event.PollClosed(new Poll("q1", "Which first?", List.of("a", "b"), Poll.Status.CLOSED,
            Map.of("p2", 1)))),
        new Emitted("p2", new Event.HandsChanged(List.of("p2", "p3"))),
        new Emitted("p1", new Event.FloorGiven("p2")),
        new Emitted("p1", new Event.SpotlightChanged(new Spotlight(Spotlight.Type.POLL, "q1"))),
        new Emitted("p1", new Event.SpotlightChanged(null)),
        new Emitted("p1", new Event.ParticipantRemoved("p3")),
        new Emitted("p1", new Event.WorkshopEnded(TS)),
        new Emitted("p2", new Event.ThemeCreated(new Theme("t1", "Food \"and\" drink", List.of("c7", "c8"), true, 3))),
        new Emitted("p2", new Event.ThemeUpdated(new Theme("t1", "Food", List.of("c7"), false, 0))),
        new Emitted("p1", new Event.ThemeRemoved("t1")),
        new Emitted(null, new Event.ContributionMoved("c7", "t2")),
        new Emitted(null, new Event.ContributionMoved("c7", null)),
        new Emitted(null, new Event.ThemesSuggested(List.of(new SuggestedGroup("Tea and biscuits", List.of("c1", "c2"))))),
        new Emitted(null, new Event.PlacementUpdated(Map.of("c3", List.of("t1", "t2"), "c4", List.of()))),
        new Emitted("p1", new Event.ActionAdded(new Action("a1", "Ask \"the\" board", "Jo", "2026-12-03",
            ActionStatus.OPEN, null, "c7", null, TS, TS))),
        new Emitted("p1", new Event.ActionUpdated(new Action("a1", "Ask the board", null, null,
            ActionStatus.NOT_POSSIBLE, "They said no this year", null, new CarriedFrom("w0", "a3"), TS, TS + 1))),
        new Emitted(null, new Event.SeriesUpdated(new Series("s1", "Transport", List.of(
            new Series.Meeting("w0", "March", WorkshopState.Status.ENDED, "2026-03-02", TS),
            new Series.Meeting("w1", "April", WorkshopState.Status.LOBBY, null, TS + 1))))),
        new Emitted(null, new Event.ItemsCarried(Map.of("c1", new CarriedFrom("w0", "c4")), List.of(
            new Action("a1", "Ask", null, null, ActionStatus.IN_PROGRESS, null, "c1", new CarriedFrom("w0", "a2"), TS, TS)))));
  }

  /** What the append script stores: {@code {"seq":N,} followed by the body the node sent. */
  private static String stored(long seq, Emitted e) {
    return "{\"seq\":" + seq + "," + SequencedEvent.bodyWithoutSeq(TS, e);
  }

  @Test
  @DisplayName("the samples cover every event type the domain has")
  void samplesCoverEveryEvent() {
    List<Class<?>> covered = samples().<Class<?>>map(e -> e.event().getClass()).distinct().toList();
    assertThat(covered)
        .containsExactlyInAnyOrder(Event.class.getPermittedSubclasses());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  @DisplayName("an event stored with the script's seq prefix reads back equal, with seq, ts and by")
  void roundTrip(Emitted e) {
    SequencedEvent back = SequencedEvent.parse(stored(58, e));

    assertThat(back).isEqualTo(new SequencedEvent(58, TS, e.by(), e.event()));
    assertThat(back.event()).isEqualTo(e.event());
    assertThat(back.by()).isEqualTo(e.by());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  @DisplayName("the body starts right after the seq and is one JSON object once the prefix is added")
  void bodyShape(Emitted e) {
    String body = SequencedEvent.bodyWithoutSeq(TS, e);

    assertThat(body).startsWith("\"ts\":" + TS + ",").endsWith("}");
    assertThat(Json.parseObject(stored(1, e)).get("seq").asLong()).isEqualTo(1);
  }

  @Test
  @DisplayName("settings stored before joiningLocked existed read back with joining open")
  void olderSettingsReadBack() {
    String stored = stored(1, samples().findFirst().orElseThrow());
    assertThat(stored).contains(",\"joiningLocked\":false");

    SequencedEvent back = SequencedEvent.parse(stored.replace(",\"joiningLocked\":false", ""));

    assertThat(((Event.WorkshopCreated) back.event()).settings()).isEqualTo(Settings.DEFAULTS);
  }

  @Test
  @DisplayName("large seqs survive the round trip")
  void largeSeq() {
    Emitted e = samples().findFirst().orElseThrow();

    assertThat(SequencedEvent.parse(stored(9_007_199_254_740_993L, e)).seq()).isEqualTo(9_007_199_254_740_993L);
  }

  @Test
  @DisplayName("the stored form keeps an anonymous contribution's author and group, so replicas can mark `mine`")
  void anonymousAuthorKept() {
    Emitted e = new Emitted(null, new Event.ContributionAdded(ANONYMOUS));

    String s = stored(3, e);
    SequencedEvent back = SequencedEvent.parse(s);

    assertThat(s).contains("\"p4\"").contains("experts-by-experience");
    Contribution c = ((Event.ContributionAdded) back.event()).contribution();
    assertThat(c.author()).isEqualTo("p4");
    assertThat(c.group()).isEqualTo("experts-by-experience");
    assertThat(c.anonymous()).isTrue();
    assertThat(back.by()).isNull();
    assertThat(c.reactedBy()).isEqualTo(ANONYMOUS.reactedBy());
  }

  @Test
  @DisplayName("an event read back from the store renders the same ev frame as the original")
  void sameFrameAfterRoundTrip() {
    for (Emitted e : samples().toList()) {
      SequencedEvent original = new SequencedEvent(12, TS, e.by(), e.event());
      SequencedEvent back = SequencedEvent.parse(stored(12, e));

      assertThat(EventFrames.encode(back).toString()).as(e.event().name())
          .isEqualTo(EventFrames.encode(original).toString());
    }
  }
}
