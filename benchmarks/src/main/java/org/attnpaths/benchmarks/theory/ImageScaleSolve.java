package org.attnpaths.benchmarks.theory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attnpaths.numerics.linalg.BackendChoice;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.linalg.LinearAlgebraBackends;
import org.attnpaths.theory.action.Action;
import org.attnpaths.theory.action.GpLimit;
import org.attnpaths.theory.kernel.PathKernels;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.path.AttentionMaps;
import org.attnpaths.theory.path.PathFeatures;
import org.attnpaths.theory.saddle.SaddlePoint;
import org.attnpaths.theory.saddle.SaddlePointSolver;
import org.attnpaths.theory.saddle.SolverOptions;
import org.attnpaths.theory.task.Task;
import org.attnpaths.theory.task.synthetic.SyntheticTask;
import org.attnpaths.theory.task.synthetic.SyntheticTaskConfig;
import org.ejml.data.DMatrixRMaj;

/**
 * Issue 2 §9: the image-scale solve (2 layers × 4 heads = 16 paths, N0 = 192, 48 tokens, random
 * QK attention with G = 128, average readout, N = 100, T = 0.1, Newton to 1e-9) at one training
 * size P, with set-up and solve times, peak resident memory (VmHWM) and the achieved GFLOP/s of
 * the kernel assembly next to the backend's dgemm measured in the same run. Run one P per JVM so
 * that the peak memory belongs to that P:
 *
 * <pre>  java -Xmx16g -cp benchmarks/target/benchmarks.jar \
 *     org.attnpaths.benchmarks.theory.ImageScaleSolve native 600 [auto|precomputed|factorised]</pre>
 */
public final class ImageScaleSolve {
  private ImageScaleSolve() {}

  public static void main(String[] args) throws IOException {
    LinearAlgebraBackend backend = LinearAlgebraBackends.select(BackendChoice.parse(args[0]));
    int p = Integer.parseInt(args[1]);
    PathKernels.Representation rep = args.length > 2
        ? PathKernels.Representation.parse(args[2]) : PathKernels.Representation.AUTO;
    Task task = SyntheticTask.generate(SyntheticTaskConfig.imageScale().withTrainSize(p)
        .withTestSize(2), 1);
    Architecture arch = Architecture.uniform(List.of(4, 4), 100, 1.0, 0.1, Readout.AVERAGE);

    long t0 = System.nanoTime();
    PathFeatures features = PathFeatures.of(AttentionMaps.of(task.attention(), Readout.AVERAGE,
        task.xTrain(), backend), 1.0);
    long t1 = System.nanoTime();
    PathKernels kernels = PathKernels.of(features, backend, rep);
    long t2 = System.nanoTime();
    Action action = new Action(arch, kernels, task.yTrain(), backend);
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long c2 = threads.getCurrentThreadCpuTime();
    SaddlePoint sp = SaddlePointSolver.of(SolverOptions.newton()).solve(action,
        GpLimit.matrices(arch));
    long t3 = System.nanoTime();
    // CPU time of the solving thread: all of the solve's work when OPENBLAS_NUM_THREADS=1 (a
    // figure that a loaded machine distorts less than wall time).
    double solveCpu = (threads.getCurrentThreadCpuTime() - c2) * 1e-9;

    // Kernel assembly K_U alone, repeated, against a dgemm of comparable size.
    DMatrixRMaj u1 = sp.orderParameters().u(1);
    DMatrixRMaj k = new DMatrixRMaj(p, p);
    int reps = 5;
    kernels.assemble(u1, k);
    long a0 = System.nanoTime();
    for (int i = 0; i < reps; i++) kernels.assemble(u1, k);
    double assembleSeconds = (System.nanoTime() - a0) * 1e-9 / reps;
    int paths = features.paths();
    int n0 = features.tokenDim();
    double assembleFlops = kernels.representation().equals("factorised")
        ? (double) p * p * paths * n0 + 2.0 * p * paths * paths * n0       // syrk + Ξ(L⊗I)
        : 2.0 * paths * (paths + 1) / 2.0 * p * (p + 1) / 2.0;           // gemv over the blocks
    int n = 2000;
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    DMatrixRMaj b = new DMatrixRMaj(n, n);
    for (int i = 0; i < n * n; i++) {
      a.data[i] = Math.sin(i);
      b.data[i] = Math.cos(i);
    }
    DMatrixRMaj c = new DMatrixRMaj(n, n);
    backend.gemm(1.0, a, false, b, false, 0.0, c);
    long g0 = System.nanoTime();
    backend.gemm(1.0, a, false, b, false, 0.0, c);
    double gemmGflops = 2.0 * n * n * n / ((System.nanoTime() - g0) * 1e-9) / 1e9;

    System.out.printf("backend=%s P=%d paths=%d kernels=%s features=%.3fs kernelSetup=%.3fs "
            + "solve=%.3fs solveThreadCpu=%.3fs iterations=%d evaluations=%d maxGrad=%.2e minHessEig=%.3e converged=%s "
            + "assembly=%.1fms (%.1f GFLOP/s) dgemm2000=%.1f GFLOP/s peakRSS=%dMiB%n",
        backend.name(), p, paths, kernels.representation(), (t1 - t0) * 1e-9, (t2 - t1) * 1e-9,
        (t3 - t2) * 1e-9, solveCpu, sp.certificate().iterations(), sp.certificate().evaluations(),
        sp.certificate().maxGradient(), sp.certificate().minHessianEigenvalue(),
        sp.certificate().converged(), assembleSeconds * 1e3,
        assembleFlops / assembleSeconds / 1e9, gemmGflops, peakResidentMiB());
  }

  /** Peak resident set size of this process (Linux VmHWM), or −1. */
  static long peakResidentMiB() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) return -1;
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }
}
