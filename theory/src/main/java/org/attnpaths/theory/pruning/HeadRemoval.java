package org.attnpaths.theory.pruning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.attnpaths.theory.path.PathIndex;
import org.ejml.data.DMatrixRMaj;

/**
 * A set of heads removed from a network with head counts {@code heads} (issue 5 §2): which heads
 * and paths remain, and the order parameters restricted to them. The paths of the smaller network
 * are the full network's paths that avoid every removed head, in the same (row-major) order, so
 * full path indices map monotonically onto the smaller network's.
 *
 * @param heads H_1..H_L of the full network
 * @param removed the removed heads (1-based), any order; stored sorted
 */
public record HeadRemoval(List<Integer> heads, SortedSet<Head> removed) {

  public HeadRemoval {
    heads = List.copyOf(heads);
    removed = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(removed));
    for (Head h : removed) {
      if (h.layer() > heads.size() || h.head() > heads.get(h.layer() - 1)) {
        throw new IllegalArgumentException("removed head " + h.label() + ": the network has "
            + heads.size() + " layers with heads " + heads);
      }
    }
  }

  /** No head removed. */
  public static HeadRemoval none(List<Integer> heads) {
    return new HeadRemoval(heads, new TreeSet<>());
  }

  public static HeadRemoval of(List<Integer> heads, Collection<Head> removed) {
    return new HeadRemoval(heads, new TreeSet<>(removed));
  }

  /** This removal plus one more head. */
  public HeadRemoval plus(Head h) {
    TreeSet<Head> s = new TreeSet<>(removed);
    s.add(h);
    return new HeadRemoval(heads, s);
  }

  /** Whether every layer keeps at least one head (issue 5: a layer is never emptied). */
  public boolean keepsEveryLayer() {
    for (int l = 1; l <= heads.size(); l++) {
      if (removedIn(l) >= heads.get(l - 1)) return false;
    }
    return true;
  }

  /** Number of removed heads in layer ℓ. */
  public int removedIn(int layer) {
    int n = 0;
    for (Head h : removed) if (h.layer() == layer) n++;
    return n;
  }

  /** The kept 0-based heads of every layer, ascending (the head-subset form of PathFeatures). */
  public List<List<Integer>> keptHeads() {
    List<List<Integer>> keep = new ArrayList<>();
    for (int l = 1; l <= heads.size(); l++) {
      List<Integer> k = new ArrayList<>();
      for (int h = 1; h <= heads.get(l - 1); h++) {
        if (!removed.contains(new Head(l, h))) k.add(h - 1);
      }
      keep.add(List.copyOf(k));
    }
    return List.copyOf(keep);
  }

  /** Head counts of the smaller network. */
  public List<Integer> keptCounts() {
    List<Integer> c = new ArrayList<>();
    for (List<Integer> k : keptHeads()) c.add(k.size());
    return List.copyOf(c);
  }

  /** Full-network indices of the paths that avoid every removed head, ascending. */
  public int[] keptPaths() {
    PathIndex index = new PathIndex(heads);
    int[] out = new int[index.count()];
    int n = 0;
    for (int p = 0; p < index.count(); p++) {
      if (!throughRemoved(index, p)) out[n++] = p;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** Whether full-network path p passes through a removed head. */
  public boolean throughRemoved(PathIndex index, int p) {
    for (Head h : removed) {
      if (index.head(p, h.layer()) == h.index()) return true;
    }
    return false;
  }

  /**
   * Frozen pruning (spec §10): U_1 of the full network with every row and column of a path
   * through a removed head set to zero.
   *
   * @param u1 Π×Π of the full network, not modified
   */
  public DMatrixRMaj silence(DMatrixRMaj u1) {
    PathIndex index = new PathIndex(heads);
    DMatrixRMaj out = u1.copy();
    for (int p = 0; p < index.count(); p++) {
      if (!throughRemoved(index, p)) continue;
      for (int q = 0; q < index.count(); q++) {
        out.set(p, q, 0.0);
        out.set(q, p, 0.0);
      }
    }
    return out;
  }

  /**
   * The order parameters of a network with removal {@code from} (a subset of this removal)
   * restricted to the heads this removal keeps: U_ℓ's rows and columns (indices (h_ℓ, …, h_L),
   * spec §5.1) of every kept combination. A principal submatrix, so positive definite when the
   * input is; the warm start of a re-solve (issue 5 §5).
   *
   * @param u U_1..U_L of the network {@code from} describes, not modified
   */
  public List<DMatrixRMaj> restrict(HeadRemoval from, List<DMatrixRMaj> u) {
    if (!from.heads.equals(heads) || !removed.containsAll(from.removed)) {
      throw new IllegalArgumentException("restrict: expected a removal contained in "
          + labels() + ", got " + from.labels());
    }
    List<List<Integer>> keepFrom = from.keptHeads();
    List<List<Integer>> keepTo = keptHeads();
    int layers = heads.size();
    List<DMatrixRMaj> out = new ArrayList<>();
    for (int l = 1; l <= layers; l++) {
      List<Integer> countsFrom = new ArrayList<>();
      List<Integer> countsTo = new ArrayList<>();
      for (int k = l; k <= layers; k++) {
        countsFrom.add(keepFrom.get(k - 1).size());
        countsTo.add(keepTo.get(k - 1).size());
      }
      PathIndex iFrom = new PathIndex(countsFrom);
      PathIndex iTo = new PathIndex(countsTo);
      int[] map = new int[iTo.count()];
      for (int q = 0; q < iTo.count(); q++) {
        int[] local = new int[countsFrom.size()];
        for (int k = l; k <= layers; k++) {
          int full = keepTo.get(k - 1).get(iTo.head(q, k - l + 1));
          local[k - l] = keepFrom.get(k - 1).indexOf(full);
        }
        map[q] = iFrom.index(local);
      }
      DMatrixRMaj src = u.get(l - 1);
      if (src.numRows != iFrom.count()) {
        throw new IllegalArgumentException("U_" + l + ": expected " + iFrom.count() + "×"
            + iFrom.count() + ", got " + src.numRows + "×" + src.numCols);
      }
      DMatrixRMaj m = new DMatrixRMaj(map.length, map.length);
      for (int i = 0; i < map.length; i++) {
        for (int j = 0; j < map.length; j++) m.set(i, j, src.get(map[i], map[j]));
      }
      out.add(m);
    }
    return out;
  }

  /** The removed heads' labels, e.g. "[(2)2, (1)2]" in architecture order. */
  public List<String> labels() {
    List<String> l = new ArrayList<>();
    for (Head h : removed) l.add(h.label());
    return l;
  }
}
