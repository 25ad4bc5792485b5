package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.EnumSet;
import java.util.List;
import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.ContributionAdded;
import org.commonground.workshop.Settings.Anonymity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("contribution.add")
class AddContributionTest {

  private static Contribution added(Accepted a) {
    assertThat(a.events()).hasSize(1);
    assertThat(a.events().get(0).event()).isInstanceOf(ContributionAdded.class);
    return ((ContributionAdded) a.events().get(0).event()).contribution();
  }

  private static Command.AddContribution add(String text, Boolean anonymous) {
    return new Command.AddContribution(text, null, anonymous, null, null);
  }

  private static Command.AddContribution scribe(String text, String name, String group, Boolean anonymous) {
    return new Command.AddContribution(text, Kind.IDEA, anonymous, name, group);
  }

  @Test
  @DisplayName("a posted idea appears with its text, author, group, phase and time, under id c1")
  void postsAnIdea() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam", "carers");
    w.at(Scenario.T0 + 5_000);

    Accepted a = w.accepted(add("  More peer support workers  ", null), sam);

    assertThat(a.result()).containsEntry("id", "c1");
    Contribution c = added(a);
    assertThat(c.id()).isEqualTo("c1");
    assertThat(c.text()).as("text is trimmed").isEqualTo("More peer support workers");
    assertThat(c.kind()).as("the default kind").isEqualTo(Kind.IDEA);
    assertThat(c.author()).isEqualTo(sam.participantId());
    assertThat(c.group()).isEqualTo("carers");
    assertThat(c.anonymous()).isFalse();
    assertThat(c.scribedFor()).isNull();
    assertThat(c.phase()).isZero();
    assertThat(c.createdAt()).isEqualTo(Scenario.T0 + 5_000);
    assertThat(c.editedAt()).isNull();
    assertThat(c.hidden()).isFalse();
    assertThat(c.reactionCounts()).containsOnlyKeys("agree", "heart", "insight", "question")
        .allSatisfy((k, v) -> assertThat(v).isZero());
    assertThat(a.events().get(0).by()).isEqualTo(sam.participantId());
    assertThat(w.contribution("c1")).isEqualTo(c);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kind.class)
  @DisplayName("every kind can be posted: idea, story, question, take-home message, parking-lot item")
  void kinds(Kind kind) {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");

    Accepted a = w.accepted(new Command.AddContribution("Who funds this?", kind, null, null, null), sam);

    assertThat(added(a).kind()).isEqualTo(kind);
  }

  @Test
  @DisplayName("contribution ids keep counting up and are never reused after a withdrawal")
  void idsCountUp() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");

    assertThat(w.post(sam, "one")).isEqualTo("c1");
    assertThat(w.post(FACILITATOR, "two")).isEqualTo("c2");
    w.accepted(new Command.WithdrawContribution("c2"), FACILITATOR);
    assertThat(w.post(sam, "three")).isEqualTo("c3");
    assertThat(w.state().contributions().keySet()).containsExactly("c1", "c3");
  }

  @Test
  @DisplayName("the phase of a contribution is the phase running when it was posted")
  void phaseOfContribution() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    w.inPhase(2);

    assertThat(w.contribution(w.post(sam, "Later thought")).phase()).isEqualTo(2);
  }

  @Nested
  @DisplayName("anonymity")
  class AnonymityRules {

    @Test
    @DisplayName("with optional anonymity, a participant may post anonymously; the server still knows the author")
    void optionalAnonymous() {
      Scenario w = Scenario.workshop(Scenario.settings(Anonymity.OPTIONAL));
      Actor sam = w.join("Sam", "experts-by-experience");

      Accepted a = w.accepted(add("I was sectioned twice", true), sam);

      Contribution c = added(a);
      assertThat(c.anonymous()).isTrue();
      assertThat(c.author()).as("kept for ownership and `mine`").isEqualTo(sam.participantId());
      assertThat(a.events().get(0).by()).as("the event does not name the author").isNull();
    }

    @Test
    @DisplayName("with optional anonymity, a contribution is named unless the participant asks otherwise")
    void optionalNamedByDefault() {
      Scenario w = Scenario.workshop(Scenario.settings(Anonymity.OPTIONAL));
      Actor sam = w.join("Sam");

      assertThat(added(w.accepted(add("named", null), sam)).anonymous()).isFalse();
      assertThat(added(w.accepted(add("named too", false), sam)).anonymous()).isFalse();
    }

    @Test
    @DisplayName("with anonymity always, every contribution is anonymous, even when not asked for")
    void always() {
      Scenario w = Scenario.workshop(Scenario.settings(Anonymity.ALWAYS));
      Actor sam = w.join("Sam");

      for (Boolean asked : new Boolean[] {null, true, false}) {
        Accepted a = w.accepted(add("asked " + asked, asked), sam);
        assertThat(added(a).anonymous()).as("anonymous when asked %s", asked).isTrue();
        assertThat(a.events().get(0).by()).isNull();
      }
    }

    @Test
    @DisplayName("with anonymity never, asking to post anonymously is INVALID and nothing is posted")
    void never() {
      Scenario w = Scenario.workshop(Scenario.settings(Anonymity.NEVER));
      Actor sam = w.join("Sam");

      Rejection r = w.rejected(add("secret", true), sam);

      assertThat(r.code()).isEqualTo(Code.INVALID);
      assertThat(added(w.accepted(add("open", null), sam)).anonymous()).isFalse();
      assertThat(w.state().contributions()).hasSize(1);
    }
  }

  @Nested
  @DisplayName("scribe entries (onBehalfOf)")
  class Scribe {

    @Test
    @DisplayName("a facilitator can type a contribution for someone, under that person's name and group")
    void facilitatorScribes() {
      Scenario w = Scenario.workshop();

      Accepted a = w.accepted(scribe("Transport is the barrier", "Mrs Khan", "carers", null), FACILITATOR);

      Contribution c = added(a);
      assertThat(c.scribedFor()).isEqualTo("Mrs Khan");
      assertThat(c.group()).isEqualTo("carers");
      assertThat(c.author()).isEqualTo("p1");
      assertThat(c.anonymous()).isFalse();
      assertThat(a.events().get(0).by()).isEqualTo("p1");
    }

    @Test
    @DisplayName("a scribe entry may leave out the group")
    void scribeWithoutGroup() {
      Scenario w = Scenario.workshop();

      Contribution c = added(w.accepted(scribe("Phone line please", "Dev", null, null), FACILITATOR));

      assertThat(c.group()).isNull();
      assertThat(c.scribedFor()).isEqualTo("Dev");
    }

    @Test
    @DisplayName("a scribe entry with a blank group is posted without a group, as a join with a blank group is")
    void scribeBlankGroup() {
      Scenario w = Scenario.workshop();

      Contribution c = added(w.accepted(scribe("Phone line please", "Dev", "  ", null), FACILITATOR));

      assertThat(c.group()).isNull();
    }

    @Test
    @DisplayName("a participant cannot post on behalf of someone else")
    void participantCannotScribe() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");

      assertThat(w.rejected(scribe("I speak for Kim", "Kim", null, null), sam).code()).isEqualTo(Code.FORBIDDEN);
    }

    @Test
    @DisplayName("a scribe entry cannot be anonymous: asking for it is INVALID")
    void scribeNotAnonymous() {
      Scenario w = Scenario.workshop();

      Rejection r = w.rejected(scribe("text", "Kim", null, true), FACILITATOR);

      assertThat(r.code()).isEqualTo(Code.INVALID);
      assertThat(r.message()).contains("name");
    }

    @Test
    @DisplayName("in an always-anonymous workshop a scribe entry is still posted under the person's name")
    void scribeInAlwaysAnonymousWorkshop() {
      Scenario w = Scenario.workshop(Scenario.settings(Anonymity.ALWAYS));

      Accepted a = w.accepted(scribe("text", "Kim", "community", null), FACILITATOR);

      assertThat(added(a).anonymous()).isFalse();
      assertThat(a.events().get(0).by()).isEqualTo("p1");
    }

    @Test
    @DisplayName("a scribe entry with a stakeholder group the workshop does not have is INVALID")
    void scribeUnknownGroup() {
      Scenario w = Scenario.workshop();

      assertThat(w.rejected(scribe("text", "Kim", "aliens", null), FACILITATOR).code()).isEqualTo(Code.INVALID);
    }
  }

  @Nested
  @DisplayName("phase allow rules")
  class PhaseRules {
    /** Phase 0 only lets participants raise hands; phase 1 allows everything but voting. */
    private final List<PhaseDef> phases = List.of(
        new PhaseDef(0, "Listening to lived experience", 15, "Just listen", EnumSet.of(Allow.HAND)),
        Scenario.phase(1, "Ideas", 20, Allow.defaults()));

    @Test
    @DisplayName("a participant gets PHASE_CLOSED when the phase does not allow contributing")
    void participantClosed() {
      Scenario w = Scenario.workshop(phases);
      Actor sam = w.join("Sam");

      Rejection r = w.rejected(add("too early", null), sam);

      assertThat(r.code()).isEqualTo(Code.PHASE_CLOSED);
    }

    @Test
    @DisplayName("a facilitator may contribute in any phase")
    void facilitatorAlways() {
      Scenario w = Scenario.workshop(phases);

      assertThat(w.post(FACILITATOR, "Welcome, everyone")).isEqualTo("c1");
      assertThat(w.accepted(scribe("noted", "Kim", null, null), FACILITATOR).result()).containsEntry("id", "c2");
    }

    @Test
    @DisplayName("contributions open when the running phase allows them")
    void laterPhaseOpens() {
      Scenario w = Scenario.workshop(phases);
      Actor sam = w.join("Sam");
      w.inPhase(1);

      assertThat(w.post(sam, "now I can")).isEqualTo("c1");
      assertThat(w.contribution("c1").phase()).isEqualTo(1);
    }

    @Test
    @DisplayName("a phase with an empty allow list closes contributions for participants")
    void emptyAllow() {
      Scenario w = Scenario.workshop(List.of(Scenario.phase(0, "Break", 10)));
      Actor sam = w.join("Sam");

      assertThat(w.rejected(add("hello", null), sam).code()).isEqualTo(Code.PHASE_CLOSED);
    }

    @Test
    @DisplayName("in every built-in template phase participants can contribute")
    void templatesAllowContributing() {
      for (String template : List.of("icic-3-phase", "reflective-practice")) {
        List<PhaseDef> defs = Templates.named(template).orElseThrow();
        for (PhaseDef p : defs) {
          Scenario w = Scenario.workshop(defs);
          Actor sam = w.join("Sam");
          w.inPhase(p.index());
          assertThat(w.decide(add("x", null), sam)).as("%s phase %d", template, p.index())
              .isInstanceOf(Accepted.class);
        }
      }
    }
  }
}
