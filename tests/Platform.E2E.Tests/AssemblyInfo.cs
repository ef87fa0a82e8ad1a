// Each test class starts its own platform process and containers; two at a time suit a 2-core machine.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
