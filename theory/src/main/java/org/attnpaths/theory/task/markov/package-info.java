/**
 * The hidden-Markov-chain classification task of the paper (spec §9.1): sequences of 30 noisy
 * emissions of a two-state chain that is persistent (y = +1, p_stay = 0.7) or switching (y = −1,
 * p_stay = 0.3), a BOS token and one-hot positions ({@link
 * org.attnpaths.theory.task.markov.MarkovTask}), the designed same_token / different_token /
 * uniform / blank heads ({@link org.attnpaths.theory.task.markov.MarkovHeads}), and the experiment
 * configurations of Fig. 2c–2e ({@link org.attnpaths.theory.task.markov.MarkovTaskConfig}).
 */
package org.attnpaths.theory.task.markov;
