using GateDsl.Compiler.Backends.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Tests.Backend;

public sealed class CheckpointTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gatedsl-ckpt-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void A_round_trip_gives_bit_identical_outputs(ScalarType dtype)
    {
        using var scope = torch.NewDisposeScope();
        var spec = StdlibCells.Spec;
        var saved = spec.CreateLayer("BBetaLSTM5GPrior", 5, 8, layers: 2, generator: new Generator(1)).to(dtype);
        var path = Path.Combine(_directory, "a.ckpt");
        GateCheckpoint.Save(path, saved, spec.SpecHash, new Dictionary<string, string> { ["epoch"] = "3" });

        var loaded = spec.CreateLayer("BBetaLSTM5GPrior", 5, 8, layers: 2, generator: new Generator(2)).to(dtype);
        var info = GateCheckpoint.Load(path, loaded, spec.SpecHash);
        Assert.Equal(("BBetaLSTM5GPrior", 2, "3"), (info.Cell, info.Layers, info.Metadata["epoch"]));

        saved.eval();
        loaded.eval();
        var input = torch.randn([4, 3, 5], dtype, generator: new Generator(3));
        var a = saved.call(input, null, null);
        var b = loaded.call(input, null, null);
        Assert.True(Same(a.Output, b.Output) && Same(a.Kl, b.Kl), "outputs after a round trip are not bit-identical");
    }

    [Fact]
    public void Loading_into_another_cell_or_spec_names_both()
    {
        using var scope = torch.NewDisposeScope();
        var spec = StdlibCells.Spec;
        var path = Path.Combine(_directory, "b.ckpt");
        GateCheckpoint.Save(path, spec.CreateLayer("BBetaLSTM5G", 5, 8), spec.SpecHash);

        var otherCell = Assert.Throws<CheckpointException>(() => GateCheckpoint.Load(path, spec.CreateLayer("BetaLSTM", 5, 8), spec.SpecHash));
        Assert.Contains("holds cell BBetaLSTM5G of the spec with hash", otherCell.Message);
        Assert.Contains("loaded into cell BetaLSTM", otherCell.Message);

        var edited = GateCompiler.CompileText(File.ReadAllText(Path.Combine(UserLawTests.RepoRoot(), "stdlib", "cells.gate")).Replace("const eps = 1e-3", "const eps = 1e-4"), "cells.gate");
        Assert.NotEqual(spec.SpecHash, edited.SpecHash);
        var otherSpec = Assert.Throws<CheckpointException>(() => GateCheckpoint.Load(path, edited.CreateLayer("BBetaLSTM5G", 5, 8), edited.SpecHash));
        Assert.Contains(edited.SpecHash[..12], otherSpec.Message);

        var otherSize = Assert.Throws<CheckpointException>(() => GateCheckpoint.Load(path, spec.CreateLayer("BBetaLSTM5G", 5, 9), spec.SpecHash));
        Assert.Contains("hidden size 8", otherSize.Message);
        Assert.Contains("hidden size 9", otherSize.Message);
    }

    [Fact]
    public void Formatting_a_spec_does_not_change_its_hash_but_changing_what_it_says_does()
    {
        var text = File.ReadAllText(Path.Combine(UserLawTests.RepoRoot(), "stdlib", "cells.gate"));
        var reflowed = GateCompiler.CompileText(text.Replace("  gate i = sigmoid(linear)", "  gate   i   =   sigmoid( linear )"), "cells.gate");
        Assert.Equal(StdlibCells.Spec.SpecHash, reflowed.SpecHash);
    }

    [Fact]
    public void Truncated_corrupt_and_foreign_files_get_a_clear_error()
    {
        using var scope = torch.NewDisposeScope();
        var spec = StdlibCells.Spec;
        var path = Path.Combine(_directory, "c.ckpt");
        GateCheckpoint.Save(path, spec.CreateLayer("CIFG", 5, 8), spec.SpecHash);
        var bytes = File.ReadAllBytes(path);

        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.Contains("truncated or corrupt", Assert.Throws<CheckpointException>(() => GateCheckpoint.ReadInfo(path)).Message);

        File.WriteAllBytes(path, bytes[..20]);
        Assert.Contains("truncated", Assert.Throws<CheckpointException>(() => GateCheckpoint.ReadInfo(path)).Message);

        var flipped = (byte[])bytes.Clone();
        flipped[bytes.Length - 100] ^= 0x40;
        File.WriteAllBytes(path, flipped);
        Assert.Contains("SHA-256 does not match", Assert.Throws<CheckpointException>(() => GateCheckpoint.ReadInfo(path)).Message);

        File.WriteAllText(path, "weights.pt");
        Assert.Contains("is not a GateDsl checkpoint", Assert.Throws<CheckpointException>(() => GateCheckpoint.ReadInfo(path)).Message);

        Assert.Contains("cannot read checkpoint", Assert.Throws<CheckpointException>(() => GateCheckpoint.ReadInfo(Path.Combine(_directory, "missing.ckpt"))).Message);
    }

    [Fact]
    public void A_fused_LSTM_checkpoint_loads_into_a_generic_one_with_the_same_weights()
    {
        using var scope = torch.NewDisposeScope();
        var spec = StdlibCells.Spec;
        var fused = spec.CreateLayer("LSTM", 5, 8, path: ExecutionPath.FusedLstm, generator: new Generator(4));
        var path = Path.Combine(_directory, "d.ckpt");
        GateCheckpoint.Save(path, fused, spec.SpecHash);
        var generic = spec.CreateLayer("LSTM", 5, 8, path: ExecutionPath.Generic, generator: new Generator(5));
        GateCheckpoint.Load(path, generic, spec.SpecHash);
        var a = fused.Weights().Single();
        var b = generic.Weights().Single();
        Assert.True(Same(a.WeightIh, b.WeightIh) && Same(a.WeightHh, b.WeightHh) && Same(a.Bias, b.Bias));
    }

    /// <summary>Every element equal (bit for bit, as NaN never occurs here).</summary>
    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();
}
