package org.attnpaths.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress line: stage, tasks done of total, rate and time left; silence when quiet. */
class ProgressTest {

  @Test
  void plainLinesShowTasksDoneRateAndEta() throws InterruptedException {
    StringWriter text = new StringWriter();
    try (Progress progress = Progress.plain(new PrintWriter(text), 20)) {
      progress.stage("saddle points");
      progress.tasks(4, "widths solved");
      progress.taskDone();
      progress.taskDone();
      for (int i = 0; i < 250 && !text.toString().contains("ETA"); i++) Thread.sleep(20);
    }
    String out = text.toString();
    assertTrue(out.contains("attnpaths: saddle points:"), out);
    assertTrue(out.contains("2/4 widths solved"), out);
    assertTrue(out.matches("(?s).*[0-9.]+/s, ETA [0-9]+ s.*"), out);
    assertTrue(!out.contains("\r"), "plain lines carry no carriage returns");
  }

  @Test
  void quietPrintsNothing() throws InterruptedException {
    StringWriter text = new StringWriter();
    try (Progress progress = Progress.start(new PrintWriter(text), true)) {
      progress.stage("x");
      progress.tasks(2, "widths");
      Thread.sleep(50);
    }
    assertEquals("", text.toString());
  }

  @Test
  void tasksAreCountedFromManyThreads() throws InterruptedException {
    // the samplers count one task per transition of every chain, from the chains' threads
    try (Progress progress = Progress.none()) {
      progress.tasks(4000, "transitions");
      Thread[] threads = new Thread[4];
      for (int t = 0; t < threads.length; t++) {
        threads[t] = new Thread(() -> {
          for (int i = 0; i < 1000; i++) progress.taskDone();
        });
        threads[t].start();
      }
      for (Thread t : threads) t.join();
      assertEquals(4000, progress.tasksDone());
    }
  }
}
