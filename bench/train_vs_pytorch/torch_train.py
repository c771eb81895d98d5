"""PyTorch side of bench/train_vs_pytorch: the same MLP / CNN, data, normalisation, Adam and batch
size as the Gyrus run; prints one JSON line. Usage: torch_train.py mlp|cnn EPOCHS BATCH DATA_DIR THREADS"""
import gzip
import json
import sys
import time

import numpy as np
import torch
from torch import nn


def idx(path, header):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=header)


def main():
    model, epochs, batch, data, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    d = data + "/fashion-mnist/"
    xtr = idx(d + "train-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28).astype(np.float32) / 255
    ytr = idx(d + "train-labels-idx1-ubyte.gz", 8).astype(np.int64)
    xte = idx(d + "t10k-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28).astype(np.float32) / 255
    yte = idx(d + "t10k-labels-idx1-ubyte.gz", 8).astype(np.int64)
    mean, std = xtr.mean(), xtr.std()
    xtr = torch.from_numpy((xtr - mean) / std)
    xte = torch.from_numpy((xte - mean) / std)
    ytr, yte = torch.from_numpy(ytr), torch.from_numpy(yte)
    if model == "mlp":
        net = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
    else:
        net = nn.Sequential(
            nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(64 * 5 * 5, 10))
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    times = []
    cpu0 = time.thread_time()
    g = torch.Generator().manual_seed(1)
    for _ in range(epochs):
        t0 = time.perf_counter()
        net.train()
        perm = torch.randperm(len(ytr), generator=g)
        for i in range(0, len(ytr), batch):
            idxs = perm[i:i + batch]
            x, y = xtr[idxs], ytr[idxs]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(net(x), y)
            loss.backward()
            opt.step()
        times.append(time.perf_counter() - t0)
    net.eval()
    with torch.no_grad():
        correct = sum((net(xte[i:i + 1000]).argmax(1) == yte[i:i + 1000]).sum().item() for i in range(0, len(yte), 1000))
    cpu = time.thread_time() - cpu0
    print(json.dumps({"impl": "pytorch", "model": model, "batch": batch, "epoch_seconds": times,
                      "thread_cpu_seconds": cpu,
                      "test_accuracy": correct / len(yte), "torch": torch.__version__,
                      "train_examples": len(ytr)}))


if __name__ == "__main__":
    main()
