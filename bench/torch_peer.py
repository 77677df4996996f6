"""PyTorch as a peer of bench_train: the same network trained on the same data.

bench_train writes its data set to a file (the inputs, then the targets, as
float64 in native byte order) and runs

    torch_peer.py FILE ROWS INPUTS OUTPUTS HIDDEN[,HIDDEN...] BATCH SECONDS ROUNDS

This trains INPUTS-HIDDEN-...-OUTPUTS with sigmoid hidden and output units,
mean squared error and plain SGD (learning rate 0.1) on mini-batches of
BATCH rows of a new shuffle every pass, on the CPU with one thread in
float64, and prints one line "samples_per_second N version V": the best of
ROUNDS rounds of at least SECONDS seconds, after one pass to warm up.
"""
import sys
import time

import numpy as np
import torch


def main():
    path, rows, nin, nout, hidden, batch, seconds, rounds = sys.argv[1:9]
    rows, nin, nout, batch = int(rows), int(nin), int(nout), int(batch)
    seconds, rounds = float(seconds), int(rounds)
    torch.set_num_threads(1)
    torch.manual_seed(1)
    raw = np.fromfile(path, dtype=np.float64)
    x = torch.from_numpy(raw[:rows * nin].reshape(rows, nin).copy())
    y = torch.from_numpy(raw[rows * nin:rows * (nin + nout)].reshape(rows, nout).copy())

    layers, width = [], nin
    for h in [int(v) for v in hidden.split(",")]:
        layers += [torch.nn.Linear(width, h), torch.nn.Sigmoid()]
        width = h
    layers += [torch.nn.Linear(width, nout), torch.nn.Sigmoid()]
    model = torch.nn.Sequential(*layers).double()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    loss_fn = torch.nn.MSELoss()

    def one_pass():
        order = torch.randperm(rows)
        for i in range(0, rows, batch):
            idx = order[i:i + batch]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
        return loss.item()

    one_pass()
    best = 0.0
    for _ in range(rounds):
        samples, t0 = 0, time.perf_counter()
        while True:
            one_pass()
            samples += rows
            t = time.perf_counter() - t0
            if t >= seconds:
                break
        best = max(best, samples / t)
    print("samples_per_second %.0f version %s" % (best, torch.__version__))


if __name__ == "__main__":
    main()
