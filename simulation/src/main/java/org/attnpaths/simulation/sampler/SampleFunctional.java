package org.attnpaths.simulation.sampler;

/**
 * The scalars recorded for every retained sample (test predictions, order-parameter entries, …).
 * An instance may keep workspace: {@link ChainRunner} asks for one instance per chain.
 */
public interface SampleFunctional {

  /** k, the number of scalars per sample. */
  int size();

  /**
   * @param theta the current sample, length d; not modified
   * @param out length k; overwritten with the k scalars
   */
  void evaluate(double[] theta, double[] out);

  /** The identity: records all d coordinates of θ. */
  static SampleFunctional coordinates(int dimension) {
    return new SampleFunctional() {
      @Override public int size() {
        return dimension;
      }

      @Override public void evaluate(double[] theta, double[] out) {
        System.arraycopy(theta, 0, out, 0, dimension);
      }
    };
  }
}
