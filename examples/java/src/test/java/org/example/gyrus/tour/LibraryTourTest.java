package org.example.gyrus.tour;

import static org.assertj.core.api.Assertions.assertThat;

import org.gyrus.logic.fol.Linc;
import org.gyrus.search.Trial;
import org.junit.jupiter.api.Test;

/** Runs every step of the tour and checks what it computed. */
class LibraryTourTest {
  @Test
  void javaBuildersAndYamlGiveTheSameSpace() {
    assertThat(LibraryTour.sameSpaceFromJavaAndYaml()).isTrue();
  }

  @Test
  void aPlainJavaObjectiveIsOptimisedNearItsMaximum() {
    Trial best = LibraryTour.searchWithAJavaObjective();
    assertThat(best.value()).isGreaterThan(-0.5).isLessThanOrEqualTo(0.0);
  }

  @Test
  void aSampledSpecTrainsAboveChance() {
    assertThat(LibraryTour.trainASpec().testAccuracy()).isGreaterThan(0.5);
  }

  @Test
  void datalogAnswersTheBoundQuery() {
    assertThat(LibraryTour.queryDatalog())
        .containsExactly("ancestor(alice, carol)", "ancestor(bob, carol)", "ancestor(eve, carol)");
  }

  @Test
  void theProverProvesTheSyllogism() {
    assertThat(LibraryTour.proveAFormula()).isEqualTo(Linc.Answer.TRUE);
  }

  @Test
  void mainRunsEveryStep() {
    LibraryTour.main(new String[0]);
  }
}
