package org.attnpaths.numerics.linalg;

/**
 * Entry point for {@link NativeBackendLoadingTest}'s child JVMs: loads the native backend the
 * way the CLI does and reports the outcome on stdout, one {@code key=value} per line.
 */
final class NativeLoadProbe {
  private NativeLoadProbe() {}

  public static void main(String[] args) {
    LinearAlgebraBackend selected = LinearAlgebraBackends.select(BackendChoice.AUTO);
    System.out.println("present=" + NativeBackend.load().isPresent());
    System.out.println("failure=" + NativeBackend.loadFailure());
    System.out.println("selected=" + selected.name());
    System.out.println("description=" + selected.description());
  }
}
