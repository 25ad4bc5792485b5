package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.PollClosed;
import org.commonground.workshop.Event.PollOpened;
import org.commonground.workshop.Event.PollTallied;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Polls")
class PollTest {

  private static Command.PollAnswer answer(String poll, int option) { return new Command.PollAnswer(poll, option); }

  private static List<String> options(int n) {
    List<String> o = new ArrayList<>();
    for (int i = 1; i <= n; i++) o.add("option " + i);
    return o;
  }

  private static List<Integer> counts(Accepted a) {
    return ((PollTallied) a.events().get(0).event()).counts();
  }

  @Nested
  @DisplayName("poll.open")
  class Open {

    @Test
    @DisplayName("a facilitator opens a poll: it is open, with its question and options and no answers")
    void open() {
      Scenario w = Scenario.workshop().started();

      Accepted a = w.accepted(new Command.PollOpen(" Which day suits? ", List.of(" Monday ", "Friday")), FACILITATOR);

      Poll expected = new Poll("q1", "Which day suits?", List.of("Monday", "Friday"), Poll.Status.OPEN, Map.of());
      assertThat(a.events()).singleElement().isEqualTo(new Emitted("p1", new PollOpened(expected)));
      assertThat(a.result()).containsEntry("id", "q1");
      assertThat(w.state().polls().get("q1")).isEqualTo(expected);
      assertThat(expected.counts()).containsExactly(0, 0);
    }

    @Test
    @DisplayName("poll ids count up: q1, q2, q3")
    void ids() {
      Scenario w = Scenario.workshop();

      assertThat(w.openPoll("a?", "x", "y")).isEqualTo("q1");
      assertThat(w.openPoll("b?", "x", "y")).isEqualTo("q2");
      assertThat(w.openPoll("c?", "x", "y")).isEqualTo("q3");
    }

    @Test
    @DisplayName("the ladder template asks how much people like you are involved, each of the seven rungs explained, bottom to top")
    void ladder() {
      Scenario w = Scenario.workshop().started();

      w.accepted(Command.PollOpen.ladder(), FACILITATOR);

      Poll p = w.state().polls().get("q1");
      assertThat(p.question()).isEqualTo("How much are people like you involved in decisions here?");
      assertThat(p.options()).extracting(o -> o.substring(0, o.indexOf(':'))).containsExactly(
          "Coercing", "Educating", "Informing", "Consulting", "Engaging", "Co-designing", "Co-producing");
      assertThat(p.options().get(6)).isEqualTo("Co-producing: we decide and do things together as equal partners");
      assertThat(p.status()).isEqualTo(Poll.Status.OPEN);
    }

    @ParameterizedTest(name = "{0} options")
    @ValueSource(ints = {0, 1, 11, 20})
    @DisplayName("a poll needs 2 to 10 options; other numbers are refused")
    void tooFewOrMany(int n) {
      assertThatThrownBy(() -> new Command.PollOpen("q?", options(n))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} options")
    @ValueSource(ints = {2, 10})
    @DisplayName("2 and 10 options are both fine")
    void bounds(int n) {
      assertThatCode(() -> new Command.PollOpen("q?", options(n))).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a poll needs a question and no blank option")
    void blanks() {
      assertThatThrownBy(() -> new Command.PollOpen(" ", List.of("a", "b"))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Command.PollOpen("q?", List.of("a", "  "))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Command.PollOpen("q?", null)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Command.PollOpen("q?", Collections.singletonList(null)))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("participants cannot open or close polls: FORBIDDEN")
    void participantsCannot() {
      Scenario w = Scenario.workshop().started();
      Actor sam = w.join("Sam");
      String q = w.openPoll("Ok?", "yes", "no");

      assertThat(w.rejected(Command.PollOpen.ladder(), sam).code()).isEqualTo(Code.FORBIDDEN);
      assertThat(w.rejected(new Command.PollClose(q), sam).code()).isEqualTo(Code.FORBIDDEN);
    }

    @Test
    @DisplayName("a facilitator may open a poll even in a phase that does not allow polls")
    void openAnyPhase() {
      Scenario w = Scenario.workshop(List.of(Scenario.phase(0, "Quiet", 10))).started();

      assertThat(w.openPoll("Ok?", "yes", "no")).isEqualTo("q1");
    }
  }

  @Nested
  @DisplayName("poll.answer")
  class Answer {

    @Test
    @DisplayName("an answer adds to its option's count; the event gives counts and says nobody")
    void answerOne() {
      Scenario w = Scenario.workshop().started();
      Actor sam = w.join("Sam");
      String q = w.openPoll("Which day?", "Mon", "Wed", "Fri");

      Accepted a = w.accepted(answer(q, 1), sam);

      assertThat(a.events()).singleElement().satisfies(e -> {
        assertThat(e.by()).isNull();
        assertThat(e.event()).isInstanceOf(PollTallied.class);
      });
      assertThat(counts(a)).containsExactly(0, 1, 0);
      assertThat(w.state().polls().get(q).counts()).containsExactly(0, 1, 0);
    }

    @Test
    @DisplayName("a new answer replaces your old one: the count moves, it is not added twice")
    void replace() {
      Scenario w = Scenario.workshop().started();
      Actor sam = w.join("Sam");
      String q = w.openPoll("Which day?", "Mon", "Wed", "Fri");
      w.accepted(answer(q, 0), sam);

      Accepted a = w.accepted(answer(q, 2), sam);

      assertThat(counts(a)).containsExactly(0, 0, 1);
      assertThat(w.state().polls().get(q).counts()).containsExactly(0, 0, 1);
    }

    @Test
    @DisplayName("giving the same answer again changes nothing and sends no event")
    void same() {
      Scenario w = Scenario.workshop().started();
      Actor sam = w.join("Sam");
      String q = w.openPoll("Ok?", "yes", "no");
      w.accepted(answer(q, 0), sam);
      WorkshopState before = w.state();

      assertThat(w.accepted(answer(q, 0), sam).events()).isEmpty();
      assertThat(w.state()).isSameAs(before);
    }

    @Test
    @DisplayName("everyone has one answer each; the counts add up over people")
    void many() {
      Scenario w = Scenario.workshop().started();
      String q = w.openPoll("Ladder", "low", "mid", "high");
      Actor sam = w.join("Sam");
      Actor alex = w.join("Alex");
      Actor kim = w.join("Kim");

      w.accepted(answer(q, 2), sam);
      w.accepted(answer(q, 2), alex);
      Accepted last = w.accepted(answer(q, 0), kim);

      assertThat(counts(last)).containsExactly(1, 0, 2);
      w.accepted(answer(q, 1), alex);
      assertThat(w.state().polls().get(q).counts()).containsExactly(1, 1, 1);
    }

    @ParameterizedTest(name = "option {0}")
    @ValueSource(ints = {-1, 2, 7, Integer.MAX_VALUE, Integer.MIN_VALUE})
    @DisplayName("an option that is not on the poll is INVALID")
    void outOfRange(int option) {
      Scenario w = Scenario.workshop().started();
      Actor sam = w.join("Sam");
      String q = w.openPoll("Ok?", "yes", "no");

      assertThat(w.rejected(answer(q, option), sam).code()).isEqualTo(Code.INVALID);
    }

    @Test
    @DisplayName("answering a poll that does not exist is NOT_FOUND")
    void unknown() {
      Scenario w = Scenario.workshop().started();
      Actor sam = w.join("Sam");

      assertThat(w.rejected(answer("q9", 0), sam).code()).isEqualTo(Code.NOT_FOUND);
    }

    @Test
    @DisplayName("answering a closed poll is PHASE_CLOSED, whatever the option, facilitators included")
    void closed() {
      Scenario w = Scenario.workshop().started();
      Actor sam = w.join("Sam");
      String q = w.openPoll("Ok?", "yes", "no");
      w.accepted(new Command.PollClose(q), FACILITATOR);

      assertThat(w.rejected(answer(q, 0), sam).code()).isEqualTo(Code.PHASE_CLOSED);
      assertThat(w.rejected(answer(q, 5), sam).code()).isEqualTo(Code.PHASE_CLOSED);
      assertThat(w.rejected(answer(q, 1), FACILITATOR).code()).isEqualTo(Code.PHASE_CLOSED);
    }

    @Test
    @DisplayName("a participant cannot answer in a phase that does not allow polls (PHASE_CLOSED)")
    void phaseClosed() {
      Scenario w = Scenario.workshop(List.of(Scenario.phase(0, "Quiet", 10), Scenario.phase(1, "Poll", 10, Allow.POLL)))
          .started();
      Actor sam = w.join("Sam");
      String q = w.openPoll("Ok?", "yes", "no");

      assertThat(w.rejected(answer(q, 0), sam).code()).isEqualTo(Code.PHASE_CLOSED);
      w.accepted(new Command.PhaseNext(null), FACILITATOR);
      assertThat(w.accepted(answer(q, 0), sam).events()).hasSize(1);
    }
  }

  @Nested
  @DisplayName("poll.close")
  class Close {

    @Test
    @DisplayName("closing a poll keeps its counts and marks it closed")
    void close() {
      Scenario w = Scenario.workshop().started();
      Actor sam = w.join("Sam");
      String q = w.openPoll("Ok?", "yes", "no");
      w.accepted(answer(q, 1), sam);

      Accepted a = w.accepted(new Command.PollClose(q), FACILITATOR);

      assertThat(a.events()).singleElement().satisfies(e -> {
        assertThat(e.by()).isEqualTo("p1");
        assertThat(e.event()).isInstanceOfSatisfying(PollClosed.class, c -> {
          assertThat(c.poll().status()).isEqualTo(Poll.Status.CLOSED);
          assertThat(c.poll().counts()).containsExactly(0, 1);
        });
      });
      assertThat(w.state().polls().get(q).status()).isEqualTo(Poll.Status.CLOSED);
      assertThat(w.state().polls().get(q).counts()).containsExactly(0, 1);
    }

    @Test
    @DisplayName("closing a closed poll again changes nothing")
    void twice() {
      Scenario w = Scenario.workshop().started();
      String q = w.openPoll("Ok?", "yes", "no");
      w.accepted(new Command.PollClose(q), FACILITATOR);
      WorkshopState before = w.state();

      assertThat(w.accepted(new Command.PollClose(q), FACILITATOR).events()).isEmpty();
      assertThat(w.state()).isSameAs(before);
    }

    @Test
    @DisplayName("closing a poll that does not exist is NOT_FOUND")
    void unknown() {
      Scenario w = Scenario.workshop().started();

      assertThat(w.rejected(new Command.PollClose("q7"), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
    }

    @Test
    @DisplayName("a co-facilitator can close a poll another facilitator opened")
    void coFacilitator() {
      Scenario w = Scenario.workshop().started();
      Actor priya = w.addCoFacilitator("Priya");
      String q = w.openPoll("Ok?", "yes", "no");

      assertThat(w.accepted(new Command.PollClose(q), priya).events()).hasSize(1);
    }

    @Test
    @DisplayName("closing one poll leaves the others open")
    void onlyThatOne() {
      Scenario w = Scenario.workshop().started();
      Actor sam = w.join("Sam");
      String first = w.openPoll("a?", "x", "y");
      String second = w.openPoll("b?", "x", "y");

      w.accepted(new Command.PollClose(first), FACILITATOR);

      assertThat(w.state().polls().get(second).status()).isEqualTo(Poll.Status.OPEN);
      assertThat(w.accepted(answer(second, 0), sam).events()).hasSize(1);
    }
  }
}
