package org.attnpaths.cli.command;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of a long run on stderr (issue 3 §4, issue 4 §5): on a terminal
 * ({@code System.console() != null}) one status line rewritten every second; otherwise a plain
 * line every {@value #PLAIN_SECONDS} s, so logs stay readable; nothing at all when quiet. With a
 * task count ({@link #tasks}) the line shows tasks done, their rate and the estimated time left;
 * the samplers count one task per sweep or transition of every chain, from the chains' threads.
 * Runs shorter than the first tick print nothing. Thread-safe.
 */
final class Progress implements AutoCloseable {

  /** Interval of the plain lines when stderr is not a terminal. */
  static final int PLAIN_SECONDS = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private final ScheduledExecutorService timer;
  private final long started = System.nanoTime();
  private String stage = "";
  private long stageStarted = System.nanoTime();
  private int lastLength;
  private String unit = "";
  private long total;
  private final AtomicLong done = new AtomicLong();
  private long tasksStarted = System.nanoTime();

  private Progress(PrintWriter err, boolean terminal, boolean enabled) {
    this(err, terminal, enabled, (terminal ? 1 : PLAIN_SECONDS) * 1000L);
  }

  private Progress(PrintWriter err, boolean terminal, boolean enabled, long periodMillis) {
    this.err = err;
    this.terminal = terminal;
    if (!enabled) {
      timer = null;
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "attnpaths-progress");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(this::tick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  /** Progress on {@code err}: a status line on a terminal, plain lines otherwise, none if quiet. */
  static Progress start(PrintWriter err, boolean quiet) {
    return new Progress(err, System.console() != null, !quiet);
  }

  /** Plain lines every {@code periodMillis} ms (tests). */
  static Progress plain(PrintWriter err, long periodMillis) {
    return new Progress(err, false, true, periodMillis);
  }

  /** A progress that prints nothing. */
  static Progress none() {
    return new Progress(null, false, false);
  }

  /** Names what is being done now (e.g. {@code sampling N=100 (2/3)}). */
  synchronized void stage(String text) {
    stage = text;
    stageStarted = System.nanoTime();
  }

  /** Starts counting {@code count} tasks (e.g. 7 widths); {@link #taskDone} after each. */
  synchronized void tasks(long count, String what) {
    total = count;
    done.set(0);
    unit = what;
    tasksStarted = System.nanoTime();
  }

  /** One counted task is finished (lock-free: called after every sampler transition). */
  void taskDone() {
    done.incrementAndGet();
  }

  /** Tasks finished since {@link #tasks}. */
  long tasksDone() {
    return done.get();
  }

  private synchronized void tick() {
    long now = System.nanoTime();
    String line = String.format(Locale.ROOT, "attnpaths: %s: %.0f s (total %.0f s)", stage,
        (now - stageStarted) / 1e9, (now - started) / 1e9);
    long done = this.done.get();
    if (total > 0) {
      double seconds = (now - tasksStarted) / 1e9;
      String counts = String.format(Locale.ROOT, "; %d/%d %s", done, total, unit);
      if (done > 0 && done < total) {
        double rate = done / seconds;
        counts += String.format(Locale.ROOT, ", %.2f/s, ETA %.0f s", rate, (total - done) / rate);
      }
      line += counts;
    }
    if (terminal) {
      err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
      lastLength = line.length();
    } else {
      err.println(line);
    }
    err.flush();
  }

  @Override
  public synchronized void close() {
    if (timer == null) return;
    timer.shutdownNow();
    if (terminal && lastLength > 0) {
      err.print("\r" + " ".repeat(lastLength) + "\r");
      err.flush();
    }
  }
}
