/**
 * Dense float64 linear algebra behind one interface, {@link
 * org.attnpaths.numerics.linalg.LinearAlgebraBackend}: gemm, in-place lower Cholesky, Cholesky
 * and triangular solves, the inverse from the Cholesky factor, and the symmetric
 * eigen-decomposition, all on row-major EJML {@code DMatrixRMaj} values.
 *
 * <h2>Backends</h2>
 * <ul>
 *   <li>{@link org.attnpaths.numerics.linalg.EjmlBackend}: pure-Java EJML 0.46. Always available
 *       and the reference implementation.</li>
 *   <li>{@link org.attnpaths.numerics.linalg.NativeBackend}: the system BLAS/LAPACK (OpenBLAS
 *       through Debian's {@code libblas.so.3}/{@code liblapack.so.3} alternatives) via
 *       dev.ludovic.netlib's JNI stubs. On the development machine it is 8–37× faster than EJML
 *       (dgemm, Cholesky, eigen; see {@code BENCHMARKS.md}). It exists only when both JNI stubs
 *       load: netlib's pure-Java fallbacks ({@code VectorBLAS}, {@code Java11BLAS},
 *       {@code F2jLAPACK}) are slower than EJML and are refused, with the reason given by
 *       {@link org.attnpaths.numerics.linalg.NativeBackend#loadFailure()}.</li>
 * </ul>
 * Both pass the same contract test and agree to 1e-10 relative on random inputs.
 *
 * <h2>Choosing</h2>
 * {@link org.attnpaths.numerics.linalg.LinearAlgebraBackends#select} maps the CLI's
 * {@code --backend} ({@link org.attnpaths.numerics.linalg.BackendChoice}): {@code auto} (the
 * default) takes the native backend when it loads and EJML otherwise; {@code ejml} forces EJML;
 * {@code native} fails with the load failure and the install command
 * ({@code apt-get install -y libopenblas0-pthread}) when it does not load. Record
 * {@code name()} and {@code description()} in provenance: results from the two backends differ
 * in the last bits, and the description names the shared objects and the OpenBLAS thread count.
 *
 * <h2>Loading and threads</h2>
 * The native library is loaded once per JVM, on the first {@code NativeBackend.load()}, and
 * writes nothing to stdout or stderr (netlib's INFO log lines are captured; see
 * {@code NetlibLoader}). OpenBLAS starts one thread per core unless {@code OPENBLAS_NUM_THREADS}
 * says otherwise; set it to 1 when running several chains or solves in parallel.
 */
package org.attnpaths.numerics.linalg;
