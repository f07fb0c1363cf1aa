package org.attnpaths.cli;

/** Placeholder entry point; replaced by the picocli command tree. */
public final class AttnPaths {
  private AttnPaths() {}

  public static void main(String[] args) {
    System.out.println("attnpaths");
  }
}
