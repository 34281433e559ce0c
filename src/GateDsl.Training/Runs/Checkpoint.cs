using System.IO.Compression;
using System.Text.Json;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GateDsl.Training.Runs;

/// <summary>
/// A training checkpoint: one zip file with meta.json (<see cref="CheckpointState"/>: cell, spec hash,
/// settings, epoch and batch, partial sums, learning rate, metrics), model.bin (TorchSharp weights),
/// optimizer.bin (Adam's moments and steps) and rng.bin (libtorch's generator state). Written to a
/// temporary file and then moved, so an interrupted write never replaces a good checkpoint.
/// </summary>
internal static class Checkpoint
{
    private const string MetaEntry = "meta.json";
    private const string ModelEntry = "model.bin";
    private const string OptimizerEntry = "optimizer.bin";
    private const string RandomEntry = "rng.bin";

    /// <summary>Saves weights, optimizer, generator state and metadata to <paramref name="path"/>.</summary>
    public static void Save(string path, CheckpointState state, nn.Module model, OptimizerHelper optimizer)
    {
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            using (var meta = zip.CreateEntry(MetaEntry).Open())
            {
                JsonSerializer.Serialize(meta, state, MetricsJson.Options);
            }

            WriteEntry(zip, ModelEntry, stream => model.save(stream));
            WriteEntry(zip, OptimizerEntry, stream =>
            {
                using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
                optimizer.save_state_dict(writer);
            });
            WriteEntry(zip, RandomEntry, stream =>
            {
                using var generator = get_rng_state();
                stream.Write(generator.data<byte>().ToArray());
            });
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads only the metadata.</summary>
    /// <exception cref="CheckpointException">The file is missing, truncated or not a checkpoint.</exception>
    public static CheckpointState ReadState(string path) => Open(path, zip => ReadMeta(path, zip));

    /// <summary>Loads the weights into <paramref name="model"/> (whose shapes must match) and returns the metadata.</summary>
    public static CheckpointState LoadModel(string path, nn.Module model) =>
        Open(path, zip =>
        {
            var state = ReadMeta(path, zip);
            ReadEntry(path, zip, ModelEntry, stream => model.load(stream));
            return state;
        });

    /// <summary>Loads everything: weights, optimizer state and the generator state.</summary>
    public static CheckpointState LoadAll(string path, nn.Module model, OptimizerHelper optimizer) =>
        Open(path, zip =>
        {
            var state = ReadMeta(path, zip);
            ReadEntry(path, zip, ModelEntry, stream => model.load(stream));
            ReadEntry(path, zip, OptimizerEntry, stream =>
            {
                using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
                optimizer.load_state_dict(reader);
            });
            ReadEntry(path, zip, RandomEntry, stream =>
            {
                using var bytes = new MemoryStream();
                stream.CopyTo(bytes);
                using var generator = tensor(bytes.ToArray(), dtype: ScalarType.Byte);
                set_rng_state(generator);
            });
            return state;
        });

    private static T Open<T>(string path, Func<ZipArchive, T> read)
    {
        if (!File.Exists(path))
        {
            throw new CheckpointException($"checkpoint {path} does not exist");
        }

        try
        {
            using var file = File.OpenRead(path);
            using var zip = new ZipArchive(file, ZipArchiveMode.Read);
            return read(zip);
        }
        catch (CheckpointException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Zip, JSON and libtorch all have their own ways of saying "this is not what you wrote".
            throw new CheckpointException($"{path} is not a usable GateDsl checkpoint for this model ({FirstLine(e)}); it may be truncated, corrupt or from another run");
        }
    }

    private static CheckpointState ReadMeta(string path, ZipArchive zip)
    {
        var entry = zip.GetEntry(MetaEntry) ?? throw new CheckpointException($"{path} has no {MetaEntry}: not a GateDsl checkpoint");
        using var stream = entry.Open();
        var state = JsonSerializer.Deserialize<CheckpointState>(stream, MetricsJson.Options)
            ?? throw new CheckpointException($"{path}: {MetaEntry} is empty");
        if (state.Format != CheckpointState.CurrentFormat)
        {
            throw new CheckpointException($"{path} has checkpoint format {state.Format}; this gatec reads format {CheckpointState.CurrentFormat}");
        }

        return state;
    }

    private static void WriteEntry(ZipArchive zip, string name, Action<Stream> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        write(stream);
    }

    private static void ReadEntry(string path, ZipArchive zip, string name, Action<Stream> read)
    {
        var entry = zip.GetEntry(name) ?? throw new CheckpointException($"{path} has no {name}: the checkpoint is incomplete");

        // TorchSharp's loader seeks; zip entry streams cannot, so read the entry into memory first.
        using var source = entry.Open();
        using var buffer = new MemoryStream();
        source.CopyTo(buffer);
        buffer.Position = 0;
        read(buffer);
    }

    private static string FirstLine(Exception e) =>
        e.Message.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? e.GetType().Name;
}
