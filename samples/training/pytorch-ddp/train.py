"""Data-parallel training of a small network on Fashion-MNIST with torch.distributed (gloo, CPU).

Every rank reads the platform's env:// variables (MASTER_ADDR, MASTER_PORT, WORLD_SIZE, RANK),
trains DistributedDataParallel on its shard of the training set, reports `@metric` lines, and at
the end all-reduces a checksum of its parameters so the logs prove the ranks agree. Runs unchanged
on PyTorch 1.13 and 2.6: only APIs both have. See README.md.
"""

import argparse
import gzip
import json
import os
import struct
import sys
import time

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch import nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.distributed import DistributedSampler

DATA_DIR = "/usr/share/datasets/fashion-mnist"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=1, help="passes over each rank's shard")
    parser.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0: no limit)")
    parser.add_argument("--batch-size", type=int, default=64, help="per rank")
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--log-every", type=int, default=20, help="steps between @metric lines")
    parser.add_argument("--threads", type=int, default=1, help="torch intra-op threads per rank")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--data-dir", default=os.environ.get("FASHION_MNIST_DIR", DATA_DIR))
    args = parser.parse_args(argv)
    if args.epochs < 1 or args.max_steps < 0 or args.batch_size < 1 or args.log_every < 1 or args.threads < 1:
        parser.error("--epochs, --batch-size, --log-every and --threads must be >= 1, --max-steps >= 0")
    return args


def read_idx(path):
    """An IDX file (the MNIST format): big-endian magic, dimensions, then unsigned bytes."""
    with gzip.open(path, "rb") as f:
        data = bytearray(f.read())  # writable, so torch can share it without a copy
    zero, dtype, dims = struct.unpack(">HBB", data[:4])
    if zero != 0 or dtype != 0x08:
        raise ValueError("%s is not an IDX file of unsigned bytes" % path)
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(data_dir, split):
    """Pixels stay bytes here (47 MB, not 188 MB of floats per rank); pixels() scales each batch."""
    prefix = "train" if split == "train" else "t10k"
    images = read_idx(os.path.join(data_dir, prefix + "-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(data_dir, prefix + "-labels-idx1-ubyte.gz"))
    x = torch.from_numpy(images.reshape(len(images), -1))
    y = torch.from_numpy(labels.astype(np.int64))
    return TensorDataset(x, y)


def pixels(x):
    return x.float().div_(255.0)


class Net(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.fc1 = nn.Linear(28 * 28, hidden)
        self.fc2 = nn.Linear(hidden, 10)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def metric(**values):
    print("@metric " + json.dumps(values), flush=True)


def init_distributed():
    """env:// from the platform's variables; a lone run outside the platform is a world of one."""
    os.environ.setdefault("MASTER_ADDR", "127.0.0.1")
    os.environ.setdefault("MASTER_PORT", "29500")
    os.environ.setdefault("WORLD_SIZE", "1")
    os.environ.setdefault("RANK", "0")
    dist.init_process_group(backend="gloo", init_method="env://")
    return dist.get_rank(), dist.get_world_size()


def param_checksum(model):
    with torch.no_grad():
        return sum(float(p.double().sum()) + float(p.double().abs().sum()) for p in model.parameters())


def evaluate(model, data, batch_size, rank, world):
    """Each rank scores its share of the test set (every world-th image); the counts are all-reduced."""
    images, labels = (tensor[rank::world] for tensor in data.tensors)
    counts = torch.zeros(2, dtype=torch.float64)
    model.eval()
    with torch.no_grad():
        for start in range(0, len(labels), batch_size):
            x, y = images[start:start + batch_size], labels[start:start + batch_size]
            counts[0] += float((model(pixels(x)).argmax(dim=1) == y).sum())
            counts[1] += len(y)
    dist.all_reduce(counts, op=dist.ReduceOp.SUM)
    return float(counts[0] / counts[1])


def main(argv):
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    print("torch %s" % torch.__version__, flush=True)
    rank, world = init_distributed()
    print("rank %d of %d, master %s:%s" % (rank, world, os.environ["MASTER_ADDR"], os.environ["MASTER_PORT"]), flush=True)

    train = load(args.data_dir, "train")
    test = load(args.data_dir, "test")
    sampler = DistributedSampler(train, num_replicas=world, rank=rank, shuffle=True, seed=args.seed)
    loader = DataLoader(train, batch_size=args.batch_size, sampler=sampler)
    print("training on %d of %d examples, %d steps per epoch" % (len(sampler), len(train), len(loader)), flush=True)

    # DDP broadcasts rank 0's initial parameters and averages the gradients of every step.
    model = DistributedDataParallel(Net(args.hidden))
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)

    step, samples, started = 0, 0, time.time()
    done = False
    for epoch in range(args.epochs):
        sampler.set_epoch(epoch)
        model.train()
        for x, y in loader:
            optimizer.zero_grad()
            out = model(pixels(x))
            loss = F.cross_entropy(out, y)
            loss.backward()
            optimizer.step()
            step += 1
            samples += len(y)
            if step % args.log_every == 0:
                accuracy = float((out.argmax(dim=1) == y).float().mean())
                metric(step=step, loss=round(float(loss), 6), accuracy=round(accuracy, 4))
            if args.max_steps and step >= args.max_steps:
                done = True
                break
        if done:
            break
    elapsed = time.time() - started
    print("trained %d steps, %d samples in %.2f s: %.1f samples/s" % (step, samples, elapsed, samples / elapsed), flush=True)

    test_accuracy = evaluate(model.module, test, 1000, rank, world)
    metric(step=step, test_accuracy=round(test_accuracy, 4))
    print("test accuracy: %.4f" % test_accuracy, flush=True)

    # DDP keeps the replicas identical: each rank's own checksum must equal every other's, and
    # the all-reduced values (sum, min, max) are the same on every rank.
    local = param_checksum(model.module)
    total, low, high = (torch.tensor([local], dtype=torch.float64) for _ in range(3))
    dist.all_reduce(total, op=dist.ReduceOp.SUM)
    dist.all_reduce(low, op=dist.ReduceOp.MIN)
    dist.all_reduce(high, op=dist.ReduceOp.MAX)
    print("param checksum: %.6f" % local, flush=True)
    print("allreduce checksum: %.6f" % float(total), flush=True)
    identical = float(low) == float(high)
    print("parameters identical across ranks: %s" % identical, flush=True)
    dist.barrier()
    dist.destroy_process_group()
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
