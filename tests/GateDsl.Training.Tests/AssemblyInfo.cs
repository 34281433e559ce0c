// Training draws weights, dropout masks and gate samples from libtorch's one global generator, so two
// runs in one process at the same time would interleave their draws and lose reproducibility: the
// tests of this project run one at a time (each takes seconds).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
