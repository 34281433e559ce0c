using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp.Fused;

/// <summary>One forward's saved-values buffer: from a <see cref="SavedBufferPool"/>, or its own (pool null).</summary>
/// <param name="Buffer">[T, B, slots x H].</param>
/// <param name="Pool">The pool it came from, or null.</param>
/// <param name="Id">The lease's number in its pool.</param>
internal sealed record SavedLease(Tensor Buffer, SavedBufferPool? Pool, long Id)
{
    /// <summary>
    /// Whether the buffer still holds this forward's values; false when the pool has since lent it to
    /// another forward (a second backward through retain_graph after the layer ran forward again). The
    /// pool then remembers it (<see cref="SavedBufferPool.TakeStaleBackward"/>): a backward cannot throw
    /// (an exception in a TorchSharp autograd callback ends the process), so the layer's next call does.
    /// </summary>
    public bool IsIntact()
    {
        if (Pool is null || Pool.Holds(Buffer, Id))
        {
            return true;
        }

        Pool.MarkStaleBackward();
        return false;
    }

    /// <summary>The backward has run: the buffer may be lent again.</summary>
    public void Release() => Pool?.Return(Id);
}
