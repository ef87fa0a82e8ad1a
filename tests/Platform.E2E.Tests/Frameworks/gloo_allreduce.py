# A user's minimal DDP script as people write it: it sets nothing itself (no USE_LIBUV, no
# GLOO_SOCKET_IFNAME) and relies on the image and the platform's env:// variables alone.
# UnmodifiedScriptTests passes it as `python3 -c`, so no image has to contain it.
import os

import torch
import torch.distributed as dist

dist.init_process_group("gloo", init_method="env://")
rank, world = dist.get_rank(), dist.get_world_size()
value = torch.tensor([float(rank + 1)])
dist.all_reduce(value)
print(f"torch {torch.__version__}")
print(f"gloo interface: {os.environ.get('GLOO_SOCKET_IFNAME', '(unset)')}")
print(f"rank {rank} of {world} all_reduce sum: {value.item()}")
dist.destroy_process_group()
