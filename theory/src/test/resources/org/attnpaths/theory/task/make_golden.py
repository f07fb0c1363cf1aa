# Regenerates tiny-task.npz and tiny-task-omega.npz (numpy 1.24.2, Debian python3-numpy).
# Tests never run this. tiny-task.npz is a task bundle as a Python generator would write it:
# float32 Fortran-order x_train, int64 labels, a W-style layer 1 (2 heads), a QK-style layer 2
# (1 head, G = 2, float32, big-endian K) and a string path_names entry that readers skip.
# tiny-task-omega.npz holds the attention matrices Omega[s, t] of x_train[0] computed here from
# spec section 2.2 (s = key, t = query, softmax over s), as an independent oracle.
import numpy as np

rng = np.random.default_rng(345)
P, Q, T, N0, G = 4, 2, 3, 4, 2
x_train = np.asfortranarray(rng.normal(size=(P, T, N0)).astype('<f4'))
x_test = rng.normal(size=(Q, T, N0))
y_train = np.array([1, 1, -1, -1], dtype='<i8')
y_test = np.array([1.0, -1.0])
w1 = rng.normal(size=(2, N0, N0))
q2 = rng.normal(size=(1, G, N0)).astype('<f4')
k2 = rng.normal(size=(1, G, N0)).astype('>f4')
np.savez_compressed('tiny-task.npz', x_train=x_train, y_train=y_train, x_test=x_test,
                    y_test=y_test, attention_w_1=w1, attention_q_2=q2, attention_k_2=k2,
                    path_names=np.array(['good', 'other']))

def softmax_over_keys(s):
    e = np.exp(s - s.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)

x = x_train[0].astype(np.float64)                       # [T, N0]
omega = {}
for h in range(2):
    omega['l1h1-w' if h == 0 else 'l1h2-w'] = softmax_over_keys(x @ w1[h] @ x.T)
qx = x @ q2[0].astype(np.float64).T                     # [T, G]
kx = x @ k2[0].astype(np.float64).T
omega['l2h1-qk'] = softmax_over_keys(kx @ qx.T / np.sqrt(G))
np.savez('tiny-task-omega.npz', **omega)
