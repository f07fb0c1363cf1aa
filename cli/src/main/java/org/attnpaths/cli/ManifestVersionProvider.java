package org.attnpaths.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the build's version and commit, then the JVM and OS it runs on. */
public final class ManifestVersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    BuildInfo build = BuildInfo.current();
    return new String[] {
        "attnpaths " + build.version() + " (git " + build.gitCommit() + ")",
        "Java ${java.version} (${java.vendor} ${java.vm.name} ${java.vm.version})",
        "OS ${os.name} ${os.version} ${os.arch}"
    };
  }
}
