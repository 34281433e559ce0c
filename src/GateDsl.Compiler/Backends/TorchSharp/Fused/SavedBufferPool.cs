using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp.Fused;

/// <summary>
/// The saved-values buffer of one layer's fused sequence, kept from one training batch to the next.
/// It is the largest tensor the kernel makes ([T, B, slots x H]: 80 MB for the 5G cell at T = 100,
/// B = 32, H = 256 in float32), above glibc's largest mmap threshold, so a fresh one is mapped and
/// page-faulted anew every batch (docs/backend-performance.md section 6: about 40 of 1,100 ms a batch
/// at one thread). The buffer is lent to one forward and comes back when that node's backward ends; a
/// forward that finds it lent (two forwards before a backward) or of another shape makes its own. A
/// forward whose backward never runs (a graph dropped unused) holds it until its lease is collected.
/// Only a forward that autograd will call back should rent (the caller decides: grad mode on).
/// </summary>
/// <remarks>
/// A node's backward reads its saved values; after it has run once, the pool may lend the buffer to
/// the next forward. A second backward of the same node (retain_graph) after such a forward would
/// read overwritten values: it gives NaN gradients instead (<see cref="SavedLease.IsIntact"/>) and
/// the layer's next call throws, naming the cause.
/// </remarks>
internal sealed class SavedBufferPool : IDisposable
{
    private readonly object _gate = new();
    private Tensor? _buffer;
    private long _lent;       // the lease holding the buffer, 0 when it is free
    private WeakReference<SavedLease>? _holder; // that lease, to see when its graph is gone
    private long _writtenBy;  // the lease whose forward last wrote it
    private long _leases;
    private bool _staleBackward;

    /// <summary>A buffer of <paramref name="shape"/> and <paramref name="dtype"/> (CPU) for one forward.</summary>
    public SavedLease Rent(long[] shape, ScalarType dtype)
    {
        lock (_gate)
        {
            var id = ++_leases;
            if (_lent != 0 && _holder is not null && !_holder.TryGetTarget(out _))
            {
                _lent = 0; // its graph is gone without a backward
            }

            if (_buffer is not null && _lent == 0 && _buffer.dtype == dtype && _buffer.shape.SequenceEqual(shape))
            {
                return Lend(id);
            }

            if (_buffer is not null && _lent != 0)
            {
                // Lent to a forward whose backward has not run: this one gets a buffer of its own.
                return new SavedLease(torch.empty(shape, dtype), null, id);
            }

            _buffer?.Dispose();
            _buffer = torch.empty(shape, dtype).DetachFromDisposeScope();
            return Lend(id);
        }
    }

    private SavedLease Lend(long id)
    {
        (_lent, _writtenBy) = (id, id);
        var lease = new SavedLease(_buffer!, this, id);
        _holder = new WeakReference<SavedLease>(lease);
        return lease;
    }

    /// <summary>
    /// Whether <paramref name="buffer"/> still holds what lease <paramref name="id"/>'s forward wrote: a
    /// buffer the pool has since replaced (another shape) is never written again, so it does.
    /// </summary>
    internal bool Holds(Tensor buffer, long id)
    {
        lock (_gate)
        {
            return !ReferenceEquals(buffer, _buffer) || _writtenBy == id;
        }
    }

    /// <summary>Lease <paramref name="id"/>'s backward has run: the buffer may be lent again.</summary>
    internal void Return(long id)
    {
        lock (_gate)
        {
            if (_lent == id)
            {
                _lent = 0;
            }
        }
    }

    /// <summary>A backward found its values overwritten (see the remarks).</summary>
    internal void MarkStaleBackward()
    {
        lock (_gate)
        {
            _staleBackward = true;
        }
    }

    /// <summary>Whether a backward found its values overwritten since the last call; clears the mark.</summary>
    public bool TakeStaleBackward()
    {
        lock (_gate)
        {
            var stale = _staleBackward;
            _staleBackward = false;
            return stale;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _buffer?.Dispose();
            _buffer = null;
        }
    }
}
