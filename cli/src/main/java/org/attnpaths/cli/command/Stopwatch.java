package org.attnpaths.cli.command;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Wall time of the phases of a command, for {@code --verbose}. Not thread-safe. */
final class Stopwatch {

  private final StringBuilder laps = new StringBuilder();
  private long last = System.nanoTime();

  /** Ends the current phase and names it. */
  void lap(String phase) {
    long now = System.nanoTime();
    if (laps.length() > 0) laps.append(", ");
    laps.append(phase).append(' ').append(seconds(now - last));
    last = now;
  }

  /** Seconds since the JVM started (includes JVM start-up and class loading). */
  static String sinceJvmStart() {
    return seconds(ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L);
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
  }

  @Override
  public String toString() {
    return laps.toString();
  }
}
