package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("No event gives away who wrote an anonymous contribution")
class AnonymityTrailTest {

  @Test
  @DisplayName("`by` is null on every event about an anonymous contribution: added, updated, reacted, hidden, unhidden, removed")
  void byIsNullThroughoutTheLifecycle() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam", "experts-by-experience");
    Actor alex = w.join("Alex");
    int joins = w.log().size();

    String id = w.postAnonymously(sam, "I was not believed");
    w.accepted(new Command.EditContribution(id, "I was not believed about my pain"), sam);
    w.accepted(new Command.ToggleReaction(id, "heart"), alex);
    w.accepted(new Command.ToggleReaction(id, "agree"), sam);
    w.accepted(new Command.ToggleReaction(id, "agree"), FACILITATOR);
    w.accepted(new Command.HideContribution(id, "check with the author"), FACILITATOR);
    w.accepted(new Command.UnhideContribution(id), FACILITATOR);
    w.accepted(new Command.WithdrawContribution(id), sam);

    List<Emitted> about = w.log().subList(joins, w.log().size());
    assertThat(about).extracting(e -> e.event().name()).containsExactly(
        "contribution.added", "contribution.updated", "contribution.reacted", "contribution.reacted",
        "contribution.reacted", "contribution.removed", "contribution.added", "contribution.removed");
    assertThat(about).allSatisfy(e -> assertThat(e.by()).as("by of %s", e.event().name()).isNull());
  }

  @Test
  @DisplayName("the same lifecycle of a named contribution names each actor, but never who reacted")
  void namedContributionNamesActors() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    int joins = w.log().size();

    String id = w.post(sam, "Named");
    w.accepted(new Command.EditContribution(id, "Named, edited"), sam);
    w.accepted(new Command.ToggleReaction(id, "heart"), alex);
    w.accepted(new Command.HideContribution(id, null), FACILITATOR);
    w.accepted(new Command.UnhideContribution(id), FACILITATOR);
    w.accepted(new Command.WithdrawContribution(id), sam);

    assertThat(w.log().subList(joins, w.log().size())).extracting(Emitted::by)
        .containsExactly("p2", "p2", null, "p1", "p1", "p2");
  }

  @Test
  @DisplayName("an anonymous contribution keeps its author and group on the server, for `mine` and reports by group")
  void serverStillKnows() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam", "carers");

    Contribution c = w.contribution(w.postAnonymously(sam, "text"));

    assertThat(c.anonymous()).isTrue();
    assertThat(c.author()).isEqualTo("p2");
    assertThat(c.group()).isEqualTo("carers");
  }
}
