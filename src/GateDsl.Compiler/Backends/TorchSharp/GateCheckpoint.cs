using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>
/// Saves and loads the weights of a compiled layer (or cell) with what they belong to: the cell's
/// name, the spec's hash, the sizes and the hyperparameters. Loading into another cell or spec fails
/// with a message naming both; a round trip is bit-identical; a truncated or corrupt file gets a
/// <see cref="CheckpointException"/> naming the problem, never a crash.
/// <para>
/// Format (little-endian): the 8 bytes <c>GATECKPT</c>, a 32-bit version (1), a 32-bit header length
/// and a UTF-8 JSON header (cell, spec hash, sizes, layers, dtype, hyperparameters, metadata, and per
/// tensor its name, shape, offset and length in bytes), then the tensors' raw bytes in the cell's own
/// layout (<see cref="CellWeights"/>), then the SHA-256 of everything before it.
/// </para>
/// </summary>
public static class GateCheckpoint
{
    private const int Version = 1;
    private static readonly byte[] Magic = "GATECKPT"u8.ToArray();

    /// <summary>Saves <paramref name="layer"/>'s weights to <paramref name="path"/> (written to a temporary file, then moved, so a crash never leaves half a file).</summary>
    public static void Save(string path, GateLayer layer, string specHash, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            Save(stream, layer, specHash, metadata);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Saves <paramref name="layer"/>'s weights to <paramref name="stream"/>.</summary>
    public static void Save(Stream stream, GateLayer layer, string specHash, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        Write(stream, Info(layer.Ir, specHash, layer.InputSize, layer.HiddenSize, layer.Options.Layers, layer.Weights(), metadata), layer.Weights());
    }

    /// <summary>Saves a single cell's weights (as a one-layer checkpoint).</summary>
    public static void Save(Stream stream, GateCell cell, string specHash, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var weights = new[] { new CellWeights(cell.WeightIh, cell.WeightHh, cell.Bias) };
        Write(stream, Info(cell.Ir, specHash, cell.InputSize, cell.HiddenSize, 1, weights, metadata), weights);
    }

    /// <summary>Reads what a checkpoint file says about itself (and checks it is whole).</summary>
    /// <exception cref="CheckpointException">Not a checkpoint, truncated, or corrupt.</exception>
    public static CheckpointInfo ReadInfo(string path) => Read(path, stream => ReadCore(stream, path).Info);

    /// <summary>Loads a checkpoint file into <paramref name="layer"/>, which must be of the same cell of the same spec, sizes and layers.</summary>
    /// <exception cref="CheckpointException">Unreadable, or saved from another cell, spec, size or number of layers (both named).</exception>
    public static CheckpointInfo Load(string path, GateLayer layer, string specHash) => Read(path, stream => Load(stream, layer, specHash, path));

    /// <summary>Loads a checkpoint from <paramref name="stream"/> into <paramref name="layer"/> (<paramref name="name"/> names it in messages).</summary>
    public static CheckpointInfo Load(Stream stream, GateLayer layer, string specHash, string name = "<stream>")
    {
        ArgumentNullException.ThrowIfNull(layer);
        var (info, tensors) = ReadCore(stream, name);
        Expect(info, name, layer.Ir.Name, specHash, layer.InputSize, layer.HiddenSize, layer.Options.Layers);
        var weights = layer.Weights();
        var dtype = weights[0].WeightIh.dtype;
        layer.LoadWeights(Enumerable.Range(0, info.Layers).Select(l => new CellWeights(
            tensors[$"layer{l}.weight_ih"].to(dtype),
            tensors[$"layer{l}.weight_hh"].to(dtype),
            tensors[$"layer{l}.bias"].to(dtype))).ToList());
        return info;
    }

    /// <summary>Loads a one-layer checkpoint from <paramref name="stream"/> into a single cell.</summary>
    public static CheckpointInfo Load(Stream stream, GateCell cell, string specHash, string name = "<stream>")
    {
        ArgumentNullException.ThrowIfNull(cell);
        var (info, tensors) = ReadCore(stream, name);
        Expect(info, name, cell.Ir.Name, specHash, cell.InputSize, cell.HiddenSize, 1);
        using var noGrad = torch.no_grad();
        cell.WeightIh.copy_(tensors["layer0.weight_ih"]);
        cell.WeightHh.copy_(tensors["layer0.weight_hh"]);
        cell.Bias.copy_(tensors["layer0.bias"]);
        return info;
    }

    private static CheckpointInfo Info(Ir.IrCell ir, string specHash, long inputSize, long hiddenSize, int layers, IReadOnlyList<CellWeights> weights, IReadOnlyDictionary<string, string>? metadata) =>
        new(
            ir.Name,
            specHash,
            inputSize,
            hiddenSize,
            layers,
            CellShapes.Name(weights[0].WeightIh.dtype),
            ir.HyperParameters.ToDictionary(h => h.Name, h => h.Value),
            metadata ?? new Dictionary<string, string>());

    private static void Expect(CheckpointInfo info, string name, string cell, string specHash, long inputSize, long hiddenSize, int layers)
    {
        if (info.Cell != cell || info.SpecHash != specHash)
        {
            throw new CheckpointException($"checkpoint {name} holds cell {info.Cell} of the spec with hash {Short(info.SpecHash)}, but it is being loaded into cell {cell} of the spec with hash {Short(specHash)}.");
        }

        if (info.InputSize != inputSize || info.HiddenSize != hiddenSize || info.Layers != layers)
        {
            throw new CheckpointException($"checkpoint {name} holds cell {cell} with input size {info.InputSize}, hidden size {info.HiddenSize} and {info.Layers} layer(s), but the module has input size {inputSize}, hidden size {hiddenSize} and {layers} layer(s).");
        }
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;

    private static void Write(Stream stream, CheckpointInfo info, IReadOnlyList<CellWeights> weights)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var blobs = new List<(string Name, byte[] Bytes, long[] Shape)>();
        for (var l = 0; l < weights.Count; l++)
        {
            blobs.Add(($"layer{l}.weight_ih", Bytes(weights[l].WeightIh), weights[l].WeightIh.shape));
            blobs.Add(($"layer{l}.weight_hh", Bytes(weights[l].WeightHh), weights[l].WeightHh.shape));
            blobs.Add(($"layer{l}.bias", Bytes(weights[l].Bias), weights[l].Bias.shape));
        }

        long offset = 0;
        var tensors = new JsonArray();
        foreach (var (name, bytes, shape) in blobs)
        {
            tensors.Add(new JsonObject { ["name"] = name, ["shape"] = new JsonArray(shape.Select(s => (JsonNode)s).ToArray()), ["offset"] = offset, ["bytes"] = bytes.LongLength });
            offset += bytes.LongLength;
        }

        var header = new JsonObject
        {
            ["cell"] = info.Cell,
            ["specHash"] = info.SpecHash,
            ["inputSize"] = info.InputSize,
            ["hiddenSize"] = info.HiddenSize,
            ["layers"] = info.Layers,
            ["dtype"] = info.DType,
            ["hyperParameters"] = new JsonObject(info.HyperParameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["metadata"] = new JsonObject(info.Metadata.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["tensors"] = tensors,
        };
        var headerBytes = Encoding.UTF8.GetBytes(header.ToJsonString());
        using var buffer = new MemoryStream();
        buffer.Write(Magic);
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(word, Version);
        buffer.Write(word);
        BinaryPrimitives.WriteInt32LittleEndian(word, headerBytes.Length);
        buffer.Write(word);
        buffer.Write(headerBytes);
        foreach (var (_, bytes, _) in blobs)
        {
            buffer.Write(bytes);
        }

        var content = buffer.ToArray();
        stream.Write(content);
        stream.Write(SHA256.HashData(content));
        stream.Flush();
    }

    private static T Read<T>(string path, Func<Stream, T> read)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return read(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not CheckpointException)
        {
            throw new CheckpointException($"cannot read checkpoint {path}: {ex.Message}", ex);
        }
    }

    private static (CheckpointInfo Info, Dictionary<string, Tensor> Tensors) ReadCore(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var all = buffer.ToArray();
        if (all.Length < Magic.Length || !all.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new CheckpointException($"{name} is not a GateDsl checkpoint (it does not start with GATECKPT).");
        }

        if (all.Length < Magic.Length + 8 + 32)
        {
            throw new CheckpointException($"checkpoint {name} is truncated: {all.Length} bytes, too short for its header.");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(all.AsSpan(8, 4));
        if (version != Version)
        {
            throw new CheckpointException($"checkpoint {name} has format version {version}; this GateDsl reads version {Version}.");
        }

        var content = all.AsSpan(0, all.Length - 32);
        if (!SHA256.HashData(content).AsSpan().SequenceEqual(all.AsSpan(all.Length - 32)))
        {
            throw new CheckpointException($"checkpoint {name} is truncated or corrupt: its SHA-256 does not match its {all.Length} bytes.");
        }

        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(all.AsSpan(12, 4));
        var dataStart = 16L + headerLength;
        if (headerLength < 2 || dataStart > content.Length)
        {
            throw new CheckpointException($"checkpoint {name} is corrupt: its header length {headerLength} runs past the end of the file.");
        }

        JsonNode header;
        try
        {
            header = JsonNode.Parse(all.AsSpan(16, headerLength)) ?? throw new JsonException("empty header");
        }
        catch (JsonException ex)
        {
            throw new CheckpointException($"checkpoint {name} is corrupt: its header is not valid JSON ({ex.Message}).", ex);
        }

        try
        {
            var info = new CheckpointInfo(
                (string)header["cell"]!,
                (string)header["specHash"]!,
                (long)header["inputSize"]!,
                (long)header["hiddenSize"]!,
                (int)header["layers"]!,
                (string)header["dtype"]!,
                header["hyperParameters"]!.AsObject().ToDictionary(p => p.Key, p => (double)p.Value!),
                header["metadata"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!));
            var dtype = info.DType == "float64" ? ScalarType.Float64 : ScalarType.Float32;
            var size = dtype == ScalarType.Float64 ? 8 : 4;
            var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            foreach (var entry in header["tensors"]!.AsArray())
            {
                var tensorName = (string)entry!["name"]!;
                var shape = entry["shape"]!.AsArray().Select(s => (long)s!).ToArray();
                var offset = (long)entry["offset"]!;
                var bytes = (long)entry["bytes"]!;
                if (bytes != shape.Aggregate(1L, (a, b) => a * b) * size || offset < 0 || dataStart + offset + bytes > content.Length)
                {
                    throw new CheckpointException($"checkpoint {name} is corrupt: tensor {tensorName} of shape [{string.Join(", ", shape)}] does not fit its {bytes} bytes at offset {offset}.");
                }

                tensors[tensorName] = FromBytes(all.AsSpan((int)(dataStart + offset), (int)bytes), shape, dtype);
            }

            for (var l = 0; l < info.Layers; l++)
            {
                foreach (var part in new[] { "weight_ih", "weight_hh", "bias" })
                {
                    if (!tensors.ContainsKey($"layer{l}.{part}"))
                    {
                        throw new CheckpointException($"checkpoint {name} is corrupt: it has no tensor layer{l}.{part}.");
                    }
                }
            }

            return (info, tensors);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException or FormatException or InvalidCastException or ArgumentException)
        {
            throw new CheckpointException($"checkpoint {name} is corrupt: its header lacks a field or has one of the wrong type ({ex.Message}).", ex);
        }
    }

    private static byte[] Bytes(Tensor tensor)
    {
        using var cpu = tensor.detach().cpu().contiguous();
        return cpu.dtype switch
        {
            ScalarType.Float32 => MemoryMarshal.AsBytes(cpu.data<float>().ToArray().AsSpan()).ToArray(),
            ScalarType.Float64 => MemoryMarshal.AsBytes(cpu.data<double>().ToArray().AsSpan()).ToArray(),
            _ => throw new ArgumentException($"checkpoints hold float32 or float64 weights, not {CellShapes.Name(cpu.dtype)}."),
        };
    }

    private static Tensor FromBytes(ReadOnlySpan<byte> bytes, long[] shape, ScalarType dtype) => dtype == ScalarType.Float64
        ? torch.tensor(MemoryMarshal.Cast<byte, double>(bytes).ToArray(), shape, ScalarType.Float64)
        : torch.tensor(MemoryMarshal.Cast<byte, float>(bytes).ToArray(), shape, ScalarType.Float32);
}
