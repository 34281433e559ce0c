using GateDsl.Training.Data;
using GateDsl.Training.Tasks;
using Xunit.Abstractions;

namespace GateDsl.Training.Tests;

/// <summary>The music loader on the shared JSB copy (or, without it, a generated file, said in the output), on small files and on malformed ones.</summary>
public sealed class MusicLoaderTests
{
    private readonly ITestOutputHelper output;

    public MusicLoaderTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Jsb_test_part_has_4648_predicted_frames()
    {
        if (File.Exists(RepoPaths.SharedJsb))
        {
            var data = MusicLoader.Load(RepoPaths.SharedJsb);
            Assert.Equal((229, 76, 77), (data.Train.Count, data.Valid.Count, data.Test.Count));
            Assert.Equal(4_725, data.Test.Sum(p => p.Steps));
            Assert.Equal(4_648, new MusicTask(data).PredictedFrames(Split.Test));
            Assert.Equal((13_807, 4_602), (data.Train.Sum(p => p.Steps), data.Valid.Sum(p => p.Steps)));
            output.WriteLine($"read the shared JSB copy {RepoPaths.SharedJsb}");
            return;
        }

        output.WriteLine($"the shared JSB copy is not at {RepoPaths.SharedJsb}: checked the frame count on a generated file instead (4,725 - 77 frames cannot be checked without it)");
        using var folder = new TempDirectory();
        var pieces = Enumerable.Range(0, 77).Select(n => Enumerable.Range(0, 30 + (n % 40)).Select(t => new[] { 60 + (t % 12) }).ToArray()).ToArray();
        var file = folder.Write("generated.json", TestData.MusicJson(pieces[..3], pieces[..2], pieces));
        var generated = MusicLoader.Load(file);
        var steps = pieces.Sum(p => p.Length);
        Assert.Equal(steps - 77, new MusicTask(generated).PredictedFrames(Split.Test));
    }

    [Fact]
    public void Pitches_land_in_their_piano_columns_and_empty_steps_stay_silent()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("m.json", TestData.MusicJson([[[21, 108], [], [60]]], [[[60], [61]]], [[[62], [63]]]));

        var data = MusicLoader.Load(file);

        var piece = data.Train[0];
        Assert.Equal(3, piece.Steps);
        Assert.Equal(2, piece.PredictedFrames);
        Assert.Equal([0, 87], Enumerable.Range(0, 88).Where(k => piece.Notes[k] == 1));
        Assert.DoesNotContain(Enumerable.Range(88, 88), k => piece.Notes[k] == 1);
        Assert.Equal([(2 * 88) + 39], Enumerable.Range(176, 88).Where(k => piece.Notes[k] == 1));
    }

    [Theory]
    [InlineData("{\"train\": [[[60], [61]]], \"valid\": [[[60], [61]]], \"test\": [[[60], [120]]]}", "test piece 1, step 2: pitch 120 is outside the piano range 21..108 (MIDI)")]
    [InlineData("{\"train\": [[[60], [61]]], \"valid\": [[[60], [61]], [[60], [61], [20.0]]], \"test\": [[[60], [61]]]}", "valid piece 2, step 3: pitch 20 is outside the piano range 21..108 (MIDI)")]
    [InlineData("{\"train\": [[[60], [61.5]]], \"valid\": [[[60], [61]]], \"test\": [[[60], [61]]]}", "train piece 1, step 2: pitch 61.5 is not a whole MIDI number")]
    [InlineData("{\"train\": [[[60], \"C4\"]], \"valid\": [[[60], [61]]], \"test\": [[[60], [61]]]}", "train piece 1, step 2: expected a list of MIDI pitches; got a string")]
    [InlineData("{\"train\": [[[60]]], \"valid\": [[[60], [61]]], \"test\": [[[60], [61]]]}", "train piece 1: a piece needs at least 2 time steps so that one frame can be predicted; it has 1")]
    [InlineData("{\"train\": [[[60], [61]]], \"test\": [[[60], [61]]]}", "top level: the 'valid' list is missing (expected an object with lists train, valid and test)")]
    [InlineData("[1, 2]", "top level: expected an object with lists train, valid and test; got a list")]
    [InlineData("{\"train\": [[[60], [61]]],\n \"valid\": [[[60], [61]]] x,\n \"test\": []}", "line 2, byte 26: not valid JSON: 'x' is invalid after a value")]
    public void Malformed_file_names_file_position_and_problem(string json, string expected)
    {
        using var folder = new TempDirectory();
        var file = folder.Write("bad.json", json);

        var error = Assert.Throws<DataFormatException>(() => MusicLoader.Load(file));

        Assert.StartsWith($"{file}: {expected}", error.Message);
    }
}
